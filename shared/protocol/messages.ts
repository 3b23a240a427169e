// Every message is version(1) ‖ type(1) ‖ body; the body layouts below are the single source for code, vectors
// and docs/protocol.md (see layout.ts for the notation). Direction: W = wallet → box, B = box → wallet.
import { ERR, protocolError } from './errors.ts';
import { decodeFields, encodeFields } from './layout.ts';
import { PROTOCOL_VERSION } from './constants.ts';
import type { DecodeResult, Fields } from './types.ts';

/** Body layout per message type (index = type). */
export const MESSAGE_LAYOUTS: readonly (string | undefined)[] = [
  undefined,
  'challenge*16', // 0x01 HELLO_REQUEST (W)
  'boxId*8 flags:2 firmwareVersion:2 keyVersion:1 counter:4 clock:4 boxNonce*16 proof*16', // 0x02 HELLO (B)
  'walletId:4 rights:1 validSeconds:2 ticket*16', // 0x03 AUTH (W)
  '', // 0x04 IV_REQUEST (W)
  'iv*16 ttlSeconds:1', // 0x05 IV (B)
  'suite:1 kind:1 boxId*8 keyVersion:1 blocks:1 ciphertext*16/blocks mac*16', // 0x06 TELEGRAM (W)
  'boxId*8 txnId*8 status:1 counter:4 logSeq:4 time:4 detail:2 mac*16', // 0x07 RECEIPT (B)
  '', // 0x08 INFO_REQUEST (W)
  'boardId:1 firmwareVersion:2 configVersion:4 battery:1 logCount:4 logCapacity:4 clock:4 flags:2', // 0x09 INFO (B)
  '', // 0x0A LOG_CHALLENGE_REQUEST (W)
  'nonce*16', // 0x0B LOG_CHALLENGE (B)
  'fromSeq:4 count:1 proof*16', // 0x0C LOG_READ (W)
  'count:1 records*48/count', // 0x0D LOG_RECORDS (B)
  'txnId*8', // 0x0E CANCEL (W)
  'code:1 detail:2', // 0x0F ERROR (B)
];

/** A log record (48 bytes, inside LOG_RECORDS): the box's tamper-evident line for one transaction. */
export const LOG_RECORD_LAYOUT =
  'seq:4 time:4 txnId*8 walletId:4 amount:4 currency:2 scenario:1 result:1 reserved*4 mac*16';

function layoutOf(type: number): string | undefined {
  return type >= 0 && type < MESSAGE_LAYOUTS.length ? MESSAGE_LAYOUTS[type] : undefined;
}

export function encodeMessage(type: number, fields: Fields): Uint8Array {
  const layout = layoutOf(type);
  if (layout === undefined) throw protocolError(ERR.UNKNOWN_TYPE, 'unknown message type ' + type);
  return encodeFields(layout, fields, new Uint8Array([PROTOCOL_VERSION, type]));
}

/** Never throws: any byte string yields fields or a wire error code (length, version, type, then body). */
export function decodeMessage(bytes: Uint8Array): DecodeResult {
  if (bytes.length < 2) return { ok: false, code: ERR.BAD_LENGTH };
  if (bytes[0] !== PROTOCOL_VERSION) return { ok: false, code: ERR.BAD_VERSION };
  const type = bytes[1]!;
  const layout = layoutOf(type);
  if (layout === undefined) return { ok: false, code: ERR.UNKNOWN_TYPE };
  const fields = decodeFields(layout, bytes, 2, bytes.length);
  return typeof fields === 'number' ? { ok: false, code: fields } : { ok: true, type: type, fields: fields };
}
