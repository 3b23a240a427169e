import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

/** prev_hash of the first row: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything a row's hash covers: all of its columns except the hashes themselves. */
export interface AuditFields {
  id: number;
  at: number;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: JsonValue;
}

const encoder = new TextEncoder();

/** hex(SHA-256(prevHash as 32 raw bytes ‖ UTF-8 canonical JSON of the fields)). */
export function auditHash(prevHash: string, fields: AuditFields): string {
  const prev = Buffer.from(prevHash, 'hex');
  const body = encoder.encode(canonicalJson(fields));
  const input = new Uint8Array(prev.length + body.length);
  input.set(prev, 0);
  input.set(body, prev.length);
  return Buffer.from(sha256(input)).toString('hex');
}
