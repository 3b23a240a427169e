// Per-merchant keys for the WayGo signature template in printed EMV QR codes. The MAC is HMAC-SHA256 over
// shared/emv `signedBytes` (the payload without the signature template and CRC), truncated to 16 bytes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { SIGNATURE_MAC_BYTES, attachSignature, readSignature, signedBytes } from '../../../shared/emv/index.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import { openSecret, sealSecret } from '../../crypto/seal.ts';
import type { Executor } from '../../db/open.ts';
import { merchantQrKeys, merchants } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';

export interface MerchantQrKeyOptions {
  kek: Kek;
  actor: string;
  now?: () => number;
}

/** What a QR's signature template says about the sticker. */
export type QrSignatureVerdict =
  | { signature: 'absent' }
  | { signature: 'verified'; merchantId: string }
  /** Unknown or retired key id, or a MAC that does not verify: someone printed this code. */
  | { signature: 'invalid' };

const context = (id: string) => `merchant_qr_keys/${id}`;

function mac(key: Uint8Array, signed: Uint8Array): Buffer {
  return createHmac('sha256', key).update(signed).digest().subarray(0, SIGNATURE_MAC_BYTES);
}

/** A new signing key for a merchant's QR codes; returns its id (printed in every code it signs). */
export function createMerchantQrKey(db: Executor, merchantId: string, { kek, actor, now = Date.now }: MerchantQrKeyOptions): string {
  return db.transaction((tx) => {
    if (!tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).get()) {
      throw new CloudError('merchant_not_found', `no merchant ${merchantId}`);
    }
    const id = `qk_${randomBytes(6).toString('hex')}`;
    const key = randomBytes(32);
    const at = now();
    try {
      tx.insert(merchantQrKeys).values({ id, merchantId, sealedKey: Buffer.from(sealSecret(kek, key, context(id))), createdAt: at }).run();
    } finally {
      key.fill(0);
    }
    appendAudit(tx, { at, actor, action: 'merchant_qr_key.created', subjectType: 'merchant', subjectId: merchantId, data: { keyId: id } });
    return id;
  });
}

function activeKey(db: Executor, kek: Kek, keyId: string): { merchantId: string; key: Uint8Array } | undefined {
  const row = db.select().from(merchantQrKeys).where(eq(merchantQrKeys.id, keyId)).get();
  if (!row || row.status !== 'active') return undefined;
  return { merchantId: row.merchantId, key: openSecret(kek, row.sealedKey, context(row.id)) };
}

/** Adds the signature template to an EMV payload, for printing. */
export function signMerchantQr(db: Executor, kek: Kek, keyId: string, payload: string): string {
  const found = activeKey(db, kek, keyId);
  if (!found) throw new CloudError('qr_key_not_found', `no active QR key ${keyId}`);
  return attachSignature(payload, keyId, mac(found.key, signedBytes(payload)));
}

/** Checks the signature template of a decoded-leniently payload; throws EmvError for a malformed template. */
export function verifyMerchantQr(db: Executor, kek: Kek, payload: string): QrSignatureVerdict {
  const signature = readSignature(payload);
  if (!signature) return { signature: 'absent' };
  const found = activeKey(db, kek, signature.keyId);
  if (!found) return { signature: 'invalid' };
  const expected = Buffer.from(mac(found.key, signature.signed).toString('hex').toUpperCase());
  const given = Buffer.from(signature.mac);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { signature: 'verified', merchantId: found.merchantId }
    : { signature: 'invalid' };
}
