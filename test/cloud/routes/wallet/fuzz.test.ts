import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { signed } from '../../wallet-client.ts';
import { walletWorld } from '../../wallet-world.ts';

const ROUTES = ['/v1/wallet/resolve', '/v1/wallet/challenges', '/v1/wallet/sessions'];

const test = suite('wallet routes under random input');

test('answer any signed JSON body with a 4xx or 2xx in the error shape, never a 5xx', async () => {
  const { app, wallet, database } = walletWorld();
  const body = fc.oneof(
    fc.jsonValue(),
    fc.record({ qr: fc.string(), boxId: fc.string() }, { requiredKeys: [] }),
    fc.record({ hello: fc.oneof(fc.string(), fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('hex'))), challenge: fc.string() }, { requiredKeys: [] }),
    fc.record({ boxId: fc.constantFrom('0a1b2c3d4e5f6071', 'ffffffffffffffff', 'G'.repeat(16)) }),
  );
  await fc.assert(fc.asyncProperty(fc.constantFrom(...ROUTES), body, async (route, value) => {
    const res = await app.request(route, signed(wallet, 'POST', route, JSON.stringify(value) ?? 'null'));
    assert.ok(res.status < 500, `${route} answered ${res.status} to ${JSON.stringify(value)}`);
    if (res.status >= 400) {
      const json = (await res.json()) as { error: { type: string; code: string } };
      assert.type(json.error.code, 'string');
    }
  }), { numRuns: 150 });
  database.close();
});

test('answer random unsigned bytes with a 4xx', async () => {
  const { app, database } = walletWorld();
  await fc.assert(fc.asyncProperty(fc.constantFrom(...ROUTES), fc.string(), async (route, text) => {
    const res = await app.request(route, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
    assert.ok(res.status >= 400 && res.status < 500);
  }), { numRuns: 100 });
  database.close();
});

test.run();
