// Test fixtures: fast-check generators derived from the layouts themselves (so every layout gets property
// tests) and a random key set for telegram tests.
import fc from 'fast-check';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { describeLayout } from '../../../shared/protocol/index.ts';
import type { BoxKeys, FieldValue, Fields, IvSlot } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';

/** Any valid fields for `layout`; count fields that size a variable part stay small (0..maxCount). */
export function fieldsArbitrary(layout: string, maxCount = 3): fc.Arbitrary<Fields> {
  const rows = describeLayout(layout);
  const counted = rows.map((r) => r[2]!.split('/')[1]).filter((c) => c !== undefined);
  const fixed: Record<string, fc.Arbitrary<FieldValue>> = {};
  const variable: [string, number, string][] = [];
  for (const [name, kind, size] of rows as [string, string, string][]) {
    if (name === 'reserved') continue;
    const [unit, count] = size.split('/');
    if (count !== undefined) variable.push([name, Number(unit), count]);
    else if (kind === 'uint') fixed[name] = fc.integer({ min: 0, max: counted.includes(name) ? maxCount : Math.pow(256, Number(size)) - 1 });
    else fixed[name] = fc.uint8Array({ minLength: Number(size), maxLength: Number(size) });
  }
  return fc.record(fixed).chain((base) => {
    const extra: Record<string, fc.Arbitrary<FieldValue>> = {};
    for (const [name, unit, count] of variable) {
      const length = unit * (base[count] as number);
      extra[name] = fc.uint8Array({ minLength: length, maxLength: length });
    }
    return fc.record(extra).map((more): Fields => Object.assign({}, base, more));
  });
}

/** A random box key set (key version 3) for telegram tests. */
export const testKeys: BoxKeys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 3);

export function slotWith(iv: Uint8Array): IvSlot {
  return { iv, expiresMs: 10_000 };
}

/** Payment telegram fields expiring at `expiresAt`. */
export function payment(expiresAt: number): Fields {
  return {
    txnId: new Uint8Array(8).fill(1), issuedAt: 100, expiresAt, walletId: 7, amount: 250, currency: 978,
    scenario: 2, outputIndex: 0, units: 1, sku: 0,
  };
}
