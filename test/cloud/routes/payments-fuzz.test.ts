import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { PaymentBox, paymentWorld } from '../services/payments/world.ts';
import { BOX } from '../wallet-world.ts';

const test = suite('payment routes under random input');

test('answer any signed JSON body with a 2xx or 4xx in the error shape, never a 5xx', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const res0 = await w.post('/v1/wallet/payments', { boxId: BOX, iv: box.iv(), sku: 'WASH-30' }, { 'idempotency-key': 'seed' });
  const id = ((await res0.json()) as { payment: { id: string } }).payment.id;
  const hexBytes = fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('hex'));
  const body = fc.oneof(
    fc.jsonValue(),
    fc.record({
      boxId: fc.constantFrom(BOX, 'ffffffffffffffff', 'zz'), sessionId: fc.string(), iv: fc.oneof(hexBytes, fc.string()),
      sku: fc.constantFrom('WASH-30', 'NOPE', ''), units: fc.oneof(fc.integer(), fc.double()), amountMinor: fc.integer(), currency: fc.string(),
    }, { requiredKeys: [] }),
    fc.record({ receipt: fc.oneof(hexBytes, fc.string()), iv: hexBytes }, { requiredKeys: [] }),
  );
  const route = fc.constantFrom('/v1/wallet/payments', `/v1/wallet/payments/${id}/receipt`, `/v1/wallet/payments/${id}/reseal`,
    `/v1/wallet/payments/${id}/cancel`, '/v1/wallet/payments/pay_x/receipt');
  await fc.assert(fc.asyncProperty(route, body, fc.string({ minLength: 1, maxLength: 8 }), async (path, value, key) => {
    const res = await w.post(path, JSON.stringify(value) ?? 'null', { 'idempotency-key': key.replace(/[^\x21-\x7e]/g, 'x') });
    assert.ok(res.status < 500, `${path} answered ${res.status} to ${JSON.stringify(value)}`);
    if (res.status >= 400) assert.type(((await res.json()) as { error: { code: string } }).error.code, 'string');
  }), { numRuns: 200 });
  w.database.close();
});

test.run();
