// The app as a server with every optional route mounted (payments need an acquirer), and its OpenAPI document.
import { createSimulatorAcquirer } from '../../../cloud/acquirers/index.ts';
import { buildApp } from '../../../cloud/app.ts';
import type { OpenApiDocument } from '../../../cloud/openapi/index.ts';
import { migratedDatabase, randomKek } from '../fixtures.ts';

const quiet = { info: () => undefined, error: () => undefined };

export async function servedApi() {
  const database = migratedDatabase(':memory:');
  const app = buildApp({ db: database.db, kek: randomKek(), bodyLimit: 65536, version: '1.2.3', logger: quiet, acquirer: createSimulatorAcquirer() });
  const res = await app.request('/openapi.json');
  const document = (await res.json()) as OpenApiDocument;
  return { app, database, res, document };
}

/** `METHOD /path` for every handler the app mounts; `use` middleware (method ALL on a `*` path) is not a route. */
export function mountedRoutes(app: { routes: { method: string; path: string }[] }): string[] {
  const routes = app.routes.filter((r) => !(r.method === 'ALL' && r.path.endsWith('*'))).map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].sort();
}
