export { appendAudit } from './append.ts';
export type { AuditEntry, AuditRow } from './append.ts';
export { verifyAuditChain } from './verify.ts';
export type { AuditVerification, VerifyAuditOptions } from './verify.ts';
export { GENESIS_HASH, auditHash } from './hash.ts';
export type { AuditFields } from './hash.ts';
export { canonicalJson } from './canonical-json.ts';
export type { JsonValue } from './canonical-json.ts';
