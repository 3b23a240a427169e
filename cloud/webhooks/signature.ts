import { createHmac, timingSafeEqual } from 'node:crypto';
import { CloudError } from '../errors/cloud-error.ts';

/** How far a signed timestamp may be from the receiver's clock, both ways; bounds how long a captured request replays. */
export const SIGNATURE_TOLERANCE_S = 300;

export type SigningSecret = string | Uint8Array;

/** hex(HMAC-SHA256(secret, t + "." + body)): the timestamp is signed with the body, so it cannot be swapped. */
export function signPayload(secret: SigningSecret, timestampS: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestampS}.`).update(body).digest('hex');
}

/** The header value `t=<unix seconds>,v1=<hex>` (Stripe's layout, so merchants' existing verifiers fit). */
export function signatureHeader(secret: SigningSecret, body: string | Uint8Array, timestampS: number): string {
  return `t=${timestampS},v1=${signPayload(secret, timestampS, body)}`;
}

export interface VerifySignatureOptions {
  /** The receiver's clock in unix seconds; defaults to the system clock. */
  nowS?: number;
  toleranceS?: number;
}

function parseHeader(header: string): { timestampS: number; signatures: string[] } {
  let timestampS: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (at > 0 && key === 't' && /^\d{1,12}$/.test(value)) timestampS = Number(value);
    // Several v1 entries are allowed so a secret can be rotated with both signatures sent for a while.
    else if (at > 0 && key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestampS === undefined || signatures.length === 0) {
    throw new CloudError('signature_malformed', 'signature header must be "t=<unix seconds>,v1=<64 hex digits>"');
  }
  return { timestampS, signatures };
}

/**
 * Checks a signature header against the raw body (the exact bytes received, before any JSON parsing) and
 * returns its timestamp. Throws CloudError with code signature_missing, signature_malformed, signature_stale
 * or signature_mismatch; the message never contains the secret or the expected signature.
 */
export function verifySignatureHeader(
  secret: SigningSecret,
  body: string | Uint8Array,
  header: string | null | undefined,
  options: VerifySignatureOptions = {},
): number {
  if (header === null || header === undefined || header === '') throw new CloudError('signature_missing', 'signature header is missing');
  const { timestampS, signatures } = parseHeader(header);
  const nowS = options.nowS ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceS ?? SIGNATURE_TOLERANCE_S;
  if (Math.abs(nowS - timestampS) > tolerance) {
    throw new CloudError('signature_stale', `signature timestamp is more than ${tolerance} s from the receiver's clock`);
  }
  const expected = Buffer.from(signPayload(secret, timestampS, body), 'hex');
  const matches = signatures.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  if (!matches) throw new CloudError('signature_mismatch', 'signature does not match the body');
  return timestampS;
}
