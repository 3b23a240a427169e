import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { KIND, SCENARIO, emptyIvSlot, issueIv, openTelegram, sealTelegram } from '../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../shared/protocol/keys.ts';
import { measure } from './measure.ts';
import type { BenchFigure } from './types.ts';

const keys = deriveBoxKeys(new Uint8Array(32).fill(7), new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]), 1);
const payment = {
  txnId: new Uint8Array(8).fill(9), issuedAt: 1_790_000_000, expiresAt: 1_790_000_060, walletId: 42, amount: 5000,
  currency: 901, scenario: SCENARIO.PAY_BY_TIME, outputIndex: 0, units: 30, sku: 0,
};

/**
 * Seal and open against the bare primitives they are built on (AES-256-CBC over the 48-byte payment plaintext
 * plus HMAC-SHA256 over a telegram's worth of bytes): the gap is what the layout codec and checks cost.
 */
export function benchProtocol(): BenchFigure[] {
  const slot = emptyIvSlot();
  const iv = issueIv(nodeCrypto, slot, 0, 10);
  const sealed = sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment);
  const seal = measure(() => sealTelegram(nodeCrypto, keys, iv, KIND.PAYMENT, payment));
  const open = measure(() => {
    slot.iv = iv;
    slot.expiresMs = 10_000;
    const result = openTelegram(nodeCrypto, keys, slot, sealed, 0, 0);
    if (!result.ok) throw new Error(`benchmark telegram refused with code ${result.code}`);
  });
  const plaintext = new Uint8Array(48);
  const macInput = new Uint8Array(12 + sealed.length);
  const primitives = measure(() => {
    cbc(keys.encKey, iv, { disablePadding: true }).encrypt(plaintext);
    hmac(sha256, keys.macKey, macInput);
  });
  return [
    { key: 'protocol.seal_per_s', value: seal.opsPerSecond, unit: 'op/s', baseline: 'protocol.primitives_per_s', spread: seal.spread },
    { key: 'protocol.open_per_s', value: open.opsPerSecond, unit: 'op/s', baseline: 'protocol.primitives_per_s', spread: open.spread },
    { key: 'protocol.primitives_per_s', value: primitives.opsPerSecond, unit: 'op/s', spread: primitives.spread },
  ];
}
