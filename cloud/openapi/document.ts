import type { z } from 'zod';
import {
  API_ERROR, BODY_ERRORS, CSRF_ERRORS, IDEMPOTENCY_KEY_HEADER, INTERNAL_ERRORS, OPERATOR_AUTH_ERRORS, OPERATOR_SECURITY, PERMISSION_ERRORS,
  SIGNATURE_ERRORS, WALLET_SECURITY, operatorSecuritySchemes, walletSecuritySchemes,
} from './common.ts';
import { componentSchemas, inlineSchema } from './schemas.ts';
import type { ErrorDescription, NamedSchema, OperationDescription } from './types.ts';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    parameters: Record<string, Record<string, unknown>>;
    securitySchemes: Record<string, object>;
  };
  tags: { name: string }[];
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  /** The permission an operator operation requires (docs/operator-api.md). */
  'x-permission'?: string;
  parameters?: Record<string, unknown>[];
  requestBody?: Record<string, unknown>;
  responses: Record<string, ResponseObject>;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, { schema: Record<string, unknown> }>;
  /** The error codes answered with this status: `{code, description}`. */
  'x-error-codes'?: { code: string; description: string }[];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const JSON_TYPE = 'application/json';

/** `/v1/wallet/payments/:id` → `/v1/wallet/payments/{id}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function errorsOf(op: OperationDescription): ErrorDescription[] {
  return [
    ...(op.security === 'wallet' ? SIGNATURE_ERRORS : []),
    ...(op.security === 'operator' ? OPERATOR_AUTH_ERRORS : []),
    ...(op.security === 'operator' && op.method !== 'get' ? CSRF_ERRORS : []),
    ...(op.security === 'operator' && op.permission ? PERMISSION_ERRORS : []),
    ...(op.body ? BODY_ERRORS : []),
    ...(op.errors ?? []),
    ...INTERNAL_ERRORS,
  ];
}

function responsesOf(op: OperationDescription): Record<string, ResponseObject> {
  const out: Record<string, ResponseObject> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    out[status] = { description: r.description, ...(r.body ? { content: { [r.mediaType ?? JSON_TYPE]: { schema: ref(r.body.name) } } } : {}) };
  }
  for (const e of errorsOf(op)) {
    const status = String(e.status);
    const response: ResponseObject = out[status] ?? (out[status] = { description: '', content: { [JSON_TYPE]: { schema: ref(API_ERROR.name) } } });
    const codes = response['x-error-codes'] ?? (response['x-error-codes'] = []);
    if (!codes.some((c) => c.code === e.code)) codes.push({ code: e.code, description: e.description });
  }
  for (const response of Object.values(out)) {
    const codes = response['x-error-codes'];
    if (!codes) continue;
    const list = codes.map((c) => `\`${c.code}\`: ${c.description}`).join('; ');
    response.description = response.description ? `${response.description}. Errors: ${list}` : list;
  }
  return out;
}

function operationObject(op: OperationDescription): OperationObject {
  const parameters = [
    ...Object.entries(op.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: inlineSchema(schema) })),
    ...Object.entries(op.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: inlineSchema(schema) })),
    ...(op.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: op.security === 'wallet' ? [WALLET_SECURITY] : op.security === 'operator' ? OPERATOR_SECURITY : [],
    ...(op.permission ? { 'x-permission': op.permission } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { [JSON_TYPE]: { schema: ref(op.body.name) } } } } : {}),
    responses: responsesOf(op),
  };
}

function idempotencyParameter(operations: readonly OperationDescription[]): Record<string, Record<string, unknown>> {
  const schemas = new Set(operations.map((op) => op.idempotencyKey).filter((s): s is z.ZodType => s !== undefined));
  if (schemas.size > 1) throw new Error('operations describe Idempotency-Key differently');
  const [schema] = schemas;
  if (!schema) return {};
  return {
    IdempotencyKey: {
      name: IDEMPOTENCY_KEY_HEADER, in: 'header', required: true, schema: inlineSchema(schema),
      description: 'Stripe\'s semantics, per wallet app: the same key and body answer the stored response again without acting twice; '
        + 'the same key with another body is 409 idempotency_key_reused; while the first request runs, 409 idempotency_in_flight. '
        + 'A body that fails validation does not use the key up.',
    },
  };
}

function mergeComponents(...parts: Record<string, Record<string, unknown>>[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [name, schema] of Object.entries(part)) {
      if (out[name] && JSON.stringify(out[name]) !== JSON.stringify(schema)) throw new Error(`two different schemas are named ${name}`);
      out[name] = schema;
    }
  }
  return out;
}

/** The OpenAPI 3.1 document of the given operations, their schemas converted from zod. */
export function openApiDocument(
  operations: readonly OperationDescription[],
  { version, shared = [] }: { version: string; shared?: readonly NamedSchema[] },
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const item = paths[openApiPath(op.path)] ?? (paths[openApiPath(op.path)] = {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice`);
    item[op.method] = operationObject(op);
  }
  const requests = operations.flatMap((op) => (op.body ? [op.body] : []));
  const answers: NamedSchema[] = [API_ERROR, ...shared, ...operations.flatMap((op) => Object.values(op.responses).flatMap((r) => (r.body ? [r.body] : [])))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'WayGo cloud API',
      version,
      description: 'Generated from the routes\' own zod schemas. Wallet requests are signed (docs/wallet-api.md); '
        + 'every error is {"error":{"type","code","message","param"}} with the status that fits.',
    },
    paths,
    components: {
      schemas: mergeComponents(componentSchemas(requests, 'input'), componentSchemas(answers, 'output')),
      parameters: idempotencyParameter(operations),
      securitySchemes: { ...walletSecuritySchemes(), ...operatorSecuritySchemes() },
    },
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
  };
}
