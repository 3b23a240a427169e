// `npx drizzle-kit generate --config cloud/db/drizzle.config.ts` writes a new migration after a schema change;
// review the SQL and commit it with the schema.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './cloud/db/schema/index.ts',
  out: './cloud/db/migrations',
});
