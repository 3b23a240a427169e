// BLE framing: a GATT write or notification carries at most MTU − 3 bytes (20 until the phone raises the MTU,
// at most 50 on these boards) and there are no long writes, so messages travel as numbered chunks.
// Chunk = flags(1) ‖ payload. flags: bit 7 FIRST, bit 6 LAST, bits 0..5 sequence (mod 64, 0 on FIRST).
// The payloads concatenated form: length uint16 ‖ message ‖ CRC-16/CCITT-FALSE(message) uint16.
import { crc16 } from '../bytes/crc16.ts';
import { readUint, writeUint } from '../bytes/int.ts';
import { ERR, protocolError } from './errors.ts';

export const CHUNK_FIRST = 0x80;
export const CHUNK_LAST = 0x40;
export const DEFAULT_CHUNK_SIZE = 20;
export const DEFAULT_MAX_LENGTH = 512;
export const DEFAULT_STALE_MS = 2000;

export function splitMessage(message: Uint8Array, chunkSize?: number): Uint8Array[] {
  const size = chunkSize === undefined ? DEFAULT_CHUNK_SIZE : chunkSize;
  if (!(size >= 8 && size <= 244 && size % 1 === 0)) throw protocolError(ERR.BAD_FIELD, 'chunk size must be 8..244');
  if (message.length < 1 || message.length > 0xffff) throw protocolError(ERR.FRAME_TOO_LONG, 'message size 1..65535');
  const stream = new Uint8Array(message.length + 4);
  writeUint(stream, 0, 2, message.length);
  stream.set(message, 2);
  writeUint(stream, message.length + 2, 2, crc16(message));
  const per = size - 1;
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += per) {
    // Clamped by hand: Espruino's subarray does not clamp `end` to the length and would read past the buffer.
    const end = Math.min(at + per, stream.length);
    const part = stream.subarray(at, end);
    const chunk = new Uint8Array(part.length + 1);
    chunk[0] = (chunks.length & 63) | (at === 0 ? CHUNK_FIRST : 0) | (end === stream.length ? CHUNK_LAST : 0);
    chunk.set(part, 1);
    chunks.push(chunk);
  }
  return chunks;
}

export interface ReassemblerOptions {
  /** Largest message accepted (default 512): bounds the box's RAM. */
  maxLength?: number;
  /** A partial message idle longer than this is dropped as stale (default 2000 ms). */
  staleMs?: number;
}

export type PushResult = { state: 'partial' } | { state: 'message'; message: Uint8Array } | { state: 'error'; code: number };

const PARTIAL: PushResult = { state: 'partial' };

/**
 * Rebuilds messages from chunks, one at a time. Any error drops the partial message; a FIRST chunk always
 * starts afresh (also mid-message, so a sender that gave up can restart without waiting out the stale timer).
 */
export class Reassembler {
  private buffer: Uint8Array | undefined = undefined;
  private filled = 0;
  private seq = 0;
  private lastMs = 0;
  private readonly maxLength: number;
  private readonly staleMs: number;

  constructor(options?: ReassemblerOptions) {
    const o = options === undefined ? {} : options;
    this.maxLength = o.maxLength === undefined ? DEFAULT_MAX_LENGTH : o.maxLength;
    this.staleMs = o.staleMs === undefined ? DEFAULT_STALE_MS : o.staleMs;
  }

  reset(): void {
    this.buffer = undefined;
  }

  push(chunk: Uint8Array, nowMs: number): PushResult {
    const flags = chunk.length > 0 ? chunk[0]! : 0;
    if (flags & CHUNK_FIRST) {
      this.buffer = undefined;
      if (chunk.length < 3 || (flags & 63) !== 0) return this.fail(ERR.FRAME_BAD_CHUNK);
      const length = readUint(chunk, 1, 2);
      if (length === 0) return this.fail(ERR.FRAME_BAD_CHUNK);
      if (length > this.maxLength) return this.fail(ERR.FRAME_TOO_LONG);
      this.buffer = new Uint8Array(length + 2);
      this.filled = 0;
      this.seq = 0;
      return this.take(chunk, 3, flags, nowMs);
    }
    if (this.buffer === undefined) return this.fail(ERR.FRAME_NO_START);
    if (nowMs - this.lastMs > this.staleMs) return this.fail(ERR.FRAME_STALE);
    if (chunk.length < 2) return this.fail(ERR.FRAME_BAD_CHUNK);
    const seq = flags & 63;
    if (seq === this.seq) return this.fail(ERR.FRAME_DUPLICATE);
    if (seq !== ((this.seq + 1) & 63)) return this.fail(ERR.FRAME_GAP);
    this.seq = seq;
    return this.take(chunk, 1, flags, nowMs);
  }

  private take(chunk: Uint8Array, from: number, flags: number, nowMs: number): PushResult {
    const buffer = this.buffer!;
    const count = chunk.length - from;
    if (this.filled + count > buffer.length) return this.fail(ERR.FRAME_OVERRUN);
    buffer.set(chunk.subarray(from), this.filled);
    this.filled += count;
    this.lastMs = nowMs;
    const complete = this.filled === buffer.length;
    // LAST must mark exactly the chunk that completes the declared length: early LAST means lost bytes.
    if (complete !== ((flags & CHUNK_LAST) !== 0)) return this.fail(ERR.FRAME_BAD_CHUNK);
    if (!complete) return PARTIAL;
    this.buffer = undefined;
    const length = buffer.length - 2;
    if (crc16(buffer, 0, length) !== readUint(buffer, length, 2)) return { state: 'error', code: ERR.FRAME_BAD_CRC };
    return { state: 'message', message: buffer.subarray(0, length) };
  }

  private fail(code: number): PushResult {
    this.buffer = undefined;
    return { state: 'error', code: code };
  }
}
