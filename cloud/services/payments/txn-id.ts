import { randomBytes } from 'node:crypto';

/**
 * The telegram's 8-byte txnId. Drawn at random (not a sequence) so a txnId says nothing about a box's volume,
 * and kept below 2^53 so it round-trips through the database's integer column and JavaScript numbers exactly;
 * the unique (box, txnId) index catches the rare repeat and the caller draws again.
 */
export function drawTxnId(): number {
  const bytes = randomBytes(7);
  return (bytes[0]! & 0x1f) * 2 ** 48 + bytes.readUIntBE(1, 6);
}

/** Big-endian, as the telegram and the receipt carry it. */
export function txnIdBytes(txnId: number): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeUIntBE(txnId % 2 ** 48, 2, 6);
  out.writeUInt16BE(Math.floor(txnId / 2 ** 48), 0);
  return new Uint8Array(out);
}

/** The number a receipt's txnId bytes stand for, or undefined when it is above 2^53 (never one of ours). */
export function txnIdNumber(bytes: Uint8Array): number | undefined {
  const value = Buffer.from(bytes).readBigUInt64BE(0);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}
