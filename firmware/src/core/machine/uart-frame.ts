// The frame on the wire to a vending controller (docs/uart.md):
//   STX ‖ len ‖ type ‖ body ‖ crc (uint16, CRC-16/CCITT-FALSE over len ‖ type ‖ body) ‖ ETX,  len = 1 + body length.
// The receiver resynchronises by dropping one byte whenever what it holds cannot start a valid frame, so line
// noise or a frame cut by a reset costs only that frame.
import { copyBytes } from '../../../../shared/bytes/copy.ts';
import { crc16 } from '../../../../shared/bytes/crc16.ts';
import { readUint, writeUint } from '../../../../shared/bytes/int.ts';

export const STX = 0x02;
export const ETX = 0x03;
/** Frame types: the box sends VEND, the machine answers ACK or NAK (with its own reason code). */
export const FRAME = { VEND: 0x01, ACK: 0x06, NAK: 0x15 } as const;
/** VEND body; the answer's body is `txnId*8 code:1`. */
export const VEND_LAYOUT = 'txnId*8 sku:4 units:2 amount:4 currency:2';
/** Longest `len` the box accepts; anything longer is noise (its frames are far shorter). */
export const MAX_FRAME_LEN = 32;

export interface UartFrame {
  type: number;
  body: Uint8Array;
  /** Bytes the frame took from the start of the buffer. */
  size: number;
}

export function encodeFrame(type: number, body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(len + 5);
  out[0] = STX;
  out[1] = len;
  out[2] = type;
  out.set(body, 3);
  writeUint(out, len + 2, 2, crc16(out, 1, len + 2));
  out[len + 4] = ETX;
  return out;
}

function frameAt(buf: Uint8Array): UartFrame | number {
  if (buf.length === 0) return 0;
  const len = buf.length > 1 ? buf[1]! : 1;
  if (buf[0] !== STX || len < 1 || len > MAX_FRAME_LEN) return 1;
  if (buf.length < len + 5) return 0;
  if (buf[len + 4] !== ETX || readUint(buf, len + 2, 2) !== crc16(buf, 1, len + 2)) return 1;
  return { type: buf[2]!, body: copyBytes(buf, 3, len + 2), size: len + 5 };
}

/** The frame at the start of `buf`; else how many leading bytes to drop (0: wait for more bytes). */
export function takeFrame(buf: Uint8Array): UartFrame | number {
  const first = frameAt(buf);
  if (first !== 0) return first;
  // Waiting on a length byte read from noise must not hold back a whole frame already buffered behind it.
  for (let k = 1; k < buf.length; k++) if (typeof frameAt(buf.subarray(k)) !== 'number') return k;
  return 0;
}
