// What every operation shares: the error shape, the signed-request headers, Idempotency-Key and the error codes
// the app's middleware answers before a route runs.
import { z } from 'zod';
import type { ApiErrorType } from '../errors/api-error.ts';
import { SIGNATURE_HEADERS } from '../middleware/wallet-signature/index.ts';
import type { ErrorDescription, NamedSchema } from './types.ts';

const ERROR_TYPES = {
  invalid_request_error: 'invalid_request_error',
  authentication_error: 'authentication_error',
  idempotency_error: 'idempotency_error',
  rate_limit_error: 'rate_limit_error',
  api_error: 'api_error',
} as const satisfies { [K in ApiErrorType]: K };

export const API_ERROR: NamedSchema = {
  name: 'Error',
  schema: z.object({
    error: z.object({
      type: z.enum(ERROR_TYPES).describe('the family: fix the request, authenticate, or retry later'),
      code: z.string().describe('stable, machine-readable'),
      message: z.string().describe('for a developer, not for an end user'),
      param: z.string().nullable().describe('the request field or header at fault, when there is one'),
    }),
  }).describe('Every error answer: {"error":{"type","code","message","param"}}'),
};

/** The header names as the wallet-signature middleware reads them, spelled as docs/wallet-api.md spells them. */
const SIGNED_HEADERS: Record<keyof typeof SIGNATURE_HEADERS, { scheme: string; name: string; description: string }> = {
  keyId: { scheme: 'walletKeyId', name: 'WayGo-Key-Id', description: 'the wallet app\'s key id (wa_…)' },
  timestamp: { scheme: 'walletTimestamp', name: 'WayGo-Timestamp', description: 'Unix seconds when signed; refused when more than 300 s from the cloud\'s clock' },
  nonce: { scheme: 'walletNonce', name: 'WayGo-Nonce', description: '16 to 64 characters of A-Z a-z 0-9 - _, fresh for every request' },
  digest: { scheme: 'walletContentSha256', name: 'WayGo-Content-SHA256', description: 'lower-case hex SHA-256 of the exact body bytes (of the empty string without a body)' },
  signature: { scheme: 'walletSignature', name: 'WayGo-Signature', description: 'lower-case hex HMAC-SHA256(signing key, canonical string)' },
};

const CANONICAL = 'The signature is HMAC-SHA256 over six lines joined by \\n: WG-WALLET-HMAC-SHA256-V1, the method in upper case, '
  + 'the path with its query string as sent, WayGo-Timestamp, WayGo-Nonce, WayGo-Content-SHA256. All five headers are required together.';

/** One apiKey scheme per header; a wallet operation requires all five at once (one security requirement). */
export function walletSecuritySchemes(): Record<string, object> {
  return Object.fromEntries(Object.entries(SIGNATURE_HEADERS).map(([key, lower]) => {
    const h = SIGNED_HEADERS[key as keyof typeof SIGNATURE_HEADERS];
    if (h.name.toLowerCase() !== lower) throw new Error(`signature header ${lower} is documented as ${h.name}`);
    return [h.scheme, { type: 'apiKey', in: 'header', name: h.name, description: `${h.description}. ${CANONICAL}` }];
  }));
}

export const WALLET_SECURITY: Record<string, string[]> = Object.fromEntries(Object.values(SIGNED_HEADERS).map((h) => [h.scheme, []]));

/** What the wallet-signature middleware refuses with (cloud/middleware/wallet-signature). */
export const SIGNATURE_ERRORS: ErrorDescription[] = [
  ['signature_missing', 'one of the five signature headers is absent'],
  ['timestamp_invalid', 'WayGo-Timestamp is not Unix seconds'],
  ['nonce_invalid', 'WayGo-Nonce is malformed'],
  ['timestamp_out_of_window', 'WayGo-Timestamp is more than 300 s from the cloud\'s clock'],
  ['key_invalid', 'unknown or disabled key id'],
  ['digest_mismatch', 'the body is not the one whose digest was signed'],
  ['signature_invalid', 'the HMAC does not verify'],
  ['nonce_reused', 'the nonce was already used within the window'],
].map(([code, description]) => ({ status: 401, code: code!, description: description! }));

/** What the body-limit and json-body middleware refuse a write with, and the route's own zod validation. */
export const BODY_ERRORS: ErrorDescription[] = [
  { status: 400, code: 'parameter_invalid', description: 'the body does not match the request schema; `param` names the first field at fault' },
  { status: 400, code: 'malformed_json', description: 'the body is not valid JSON' },
  { status: 413, code: 'body_too_large', description: 'the body is larger than the configured limit' },
  { status: 415, code: 'unsupported_media_type', description: 'a body that is not application/json' },
];

export const INTERNAL_ERRORS: ErrorDescription[] = [
  { status: 500, code: 'internal_error', description: 'a fault of the cloud; retry later (with the same Idempotency-Key where there is one)' },
];

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Operator operations accept either scheme (docs/operator-api.md): a browser's session cookie or a script's API key. */
export function operatorSecuritySchemes(): Record<string, object> {
  return {
    operatorSession: {
      type: 'apiKey', in: 'cookie', name: 'waygo_session',
      description: 'Set by POST /v1/operator/auth/login. Every POST, PUT, PATCH and DELETE of a cookie session must also send the session\'s CSRF token in X-CSRF-Token.',
    },
    operatorApiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'wgk_<prefix>_<secret>', description: 'An operator API key (Authorization: Bearer wgk_…); acts with its account\'s permissions; no CSRF token.' },
  };
}

export const OPERATOR_SECURITY: Record<string, string[]>[] = [{ operatorSession: [] }, { operatorApiKey: [] }];

/** What the operator-auth middleware refuses with, before a route runs. */
export const OPERATOR_AUTH_ERRORS: ErrorDescription[] = [
  { status: 401, code: 'authentication_required', description: 'no valid session cookie or API key (expired, revoked, or the account is disabled)' },
];

export const CSRF_ERRORS: ErrorDescription[] = [
  { status: 403, code: 'csrf_failed', description: 'a cookie session\'s write without the session\'s CSRF token in X-CSRF-Token' },
];

export const PERMISSION_ERRORS: ErrorDescription[] = [
  { status: 403, code: 'permission_denied', description: 'the account\'s role lacks this operation\'s permission' },
];
