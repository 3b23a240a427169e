import type { z } from 'zod';
import type { Permission } from '../services/authority/permissions.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A zod schema with the name it takes under `components/schemas`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

/** One error code an operation can answer, in the shared error shape. */
export interface ErrorDescription {
  status: number;
  code: string;
  description: string;
}

export interface ResponseDescription {
  description: string;
  body?: NamedSchema;
  /** `application/json` unless said otherwise. */
  mediaType?: string;
}

/** What a route module says about one of its operations; cloud/openapi builds the document from these. */
export interface OperationDescription {
  method: HttpMethod;
  /** The full path as the app mounts it, Hono style (`/v1/wallet/payments/:id`). */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * `wallet`: signed by a wallet app (docs/wallet-api.md); `operator`: an operator's cookie session or API key
   * (docs/operator-api.md), holding `permission`; `none`: open to anyone.
   */
  security: 'wallet' | 'operator' | 'none';
  /** The one permission an operator operation requires; the role × route test walks these. */
  permission?: Permission;
  /** Query-string parameters (filters, cursor), validated as the route validates them. */
  query?: Record<string, z.ZodType>;
  /** The operation requires an `Idempotency-Key` header of this form. */
  idempotencyKey?: z.ZodType;
  /** The schema of each `:name` in the path. */
  params?: Record<string, z.ZodType>;
  /** The JSON request body, validated as the route validates it. */
  body?: NamedSchema;
  responses: Record<number, ResponseDescription>;
  /** Codes the route itself answers; the shared ones (signature, body, internal) are added by the generator. */
  errors?: ErrorDescription[];
}
