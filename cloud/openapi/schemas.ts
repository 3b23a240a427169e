import { z } from 'zod';
import type { NamedSchema } from './types.ts';

type JsonSchema = Record<string, unknown>;

function strip(schema: JsonSchema): JsonSchema {
  // A component is embedded in the document: its own $schema and fragment-only $id are not allowed there.
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/**
 * The named schemas as `components/schemas`, converted by zod itself; a named schema nested in another becomes a
 * $ref. `input` for request bodies (what a client may send: defaults optional, before transforms), `output` for
 * answers.
 */
export function componentSchemas(named: readonly NamedSchema[], io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const { name, schema } of named) {
    const known = registry.get(schema);
    if (known && known.id !== name) throw new Error(`one schema is named both ${known.id} and ${name}`);
    if (!known) registry.add(schema, { id: name });
  }
  const { schemas } = z.toJSONSchema(registry, { io, target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, strip(schema as JsonSchema)]));
}

/** One schema inline (a parameter or a header), in the document's dialect. */
export function inlineSchema(schema: z.ZodType): JsonSchema {
  return strip(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema);
}
