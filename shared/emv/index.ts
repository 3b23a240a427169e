export { EmvError } from './error.ts';
export type { EmvErrorCode } from './error.ts';
export type { EmvFields, EmvInput, EmvPayload, EmvTemplate, EmvValue } from './fields.ts';
export { decode } from './decode.ts';
export type { DecodeOptions } from './decode.ts';
export { encode } from './encode.ts';
export type { EncodeOptions } from './encode.ts';
export {
  SIGNATURE_MAC_BYTES, WAYGO_ACCOUNT_ID, WAYGO_GUID, WAYGO_SIGNATURE_GUID, WAYGO_SIGNATURE_ID, attachSignature,
  findBoxId, readSignature, signedBytes, wayGoAccount,
} from './waygo.ts';
export type { Signature } from './waygo.ts';
