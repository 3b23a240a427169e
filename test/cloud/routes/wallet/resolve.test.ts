import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WAYGO_ACCOUNT_ID, attachSignature, encode, wayGoAccount } from '../../../../shared/emv/index.ts';
import { GATT } from '../../../../shared/protocol/constants.ts';
import { createMerchantQrKey, signMerchantQr } from '../../../../cloud/services/merchant-qr-keys/index.ts';
import { signed } from '../../wallet-client.ts';
import { BOX, errorOf, walletWorld } from '../../wallet-world.ts';

const sticker = (boxId: string) => encode({
  pointOfInitiation: 'static',
  merchantAccountInformation: { [WAYGO_ACCOUNT_ID]: wayGoAccount(boxId), 29: { '00': 'A000000677010111', '01': '0066812345678' } },
  mcc: '7211', currency: '392', country: 'JP', merchantName: 'LAUNDRY CORNER', merchantCity: 'OSAKA',
});

const test = suite('resolveRoutes');

test('resolves a box id to merchant, store, box, merchandise with prices and BLE hints', async () => {
  const { app, wallet, database } = walletWorld();
  const res = await app.request('/v1/wallet/resolve', signed(wallet, 'POST', '/v1/wallet/resolve', { boxId: BOX.toUpperCase() }));
  assert.is(res.status, 200);
  const body = await res.json() as Record<string, unknown>;
  assert.equal(body.box, { id: BOX, scenario: { code: 1, name: 'pay_by_time' }, status: 'active' });
  assert.equal(body.merchant, { id: 'm_1', name: 'Laundry Corner', status: 'active' });
  assert.equal(body.store, { id: 's_1', name: 'Main Street' });
  assert.equal((body.merchandise as { sku: string; priceMinor: number }[]).map((m) => [m.sku, m.priceMinor]), [['DRY-10', 100], ['WASH-30', 300]]);
  assert.equal(body.ble, { serviceUuid: GATT.SERVICE, rssiMin: -75, scanTimeoutMs: 15000, connectTimeoutMs: 10000, replyTimeoutMs: 5000 });
  database.close();
});

test('resolves an unsigned sticker and says its signature is absent', async () => {
  const { app, wallet, database } = walletWorld();
  const res = await app.request('/v1/wallet/resolve', signed(wallet, 'POST', '/v1/wallet/resolve', { qr: sticker(BOX) }));
  assert.is(res.status, 200);
  const body = await res.json() as { box: { id: string }; qr: unknown };
  assert.is(body.box.id, BOX);
  assert.equal(body.qr, { signature: 'absent', counterfeit: false });
  database.close();
});

test('verifies a sticker signed with the merchant key', async () => {
  const { app, wallet, database, kek } = walletWorld();
  const keyId = createMerchantQrKey(database.db, 'm_1', { kek, actor: 'operator:test' });
  const qr = signMerchantQr(database.db, kek, keyId, sticker(BOX));
  const res = await app.request('/v1/wallet/resolve', signed(wallet, 'POST', '/v1/wallet/resolve', { qr }));
  assert.equal(((await res.json()) as { qr: unknown }).qr, { signature: 'verified', counterfeit: false });
  database.close();
});

test('flags a sticker whose signature does not verify or belongs to another merchant as counterfeit', async () => {
  const { app, wallet, database, kek } = walletWorld();
  const ours = createMerchantQrKey(database.db, 'm_1', { kek, actor: 'operator:test' });
  const theirs = createMerchantQrKey(database.db, 'm_2', { kek, actor: 'operator:test' });
  const wrongMac = attachSignature(sticker(BOX), ours, new Uint8Array(16).fill(9));
  const unknownKey = attachSignature(sticker(BOX), 'qk_000000000000', new Uint8Array(16).fill(9));
  const otherMerchant = signMerchantQr(database.db, kek, theirs, sticker(BOX));
  for (const qr of [wrongMac, unknownKey, otherMerchant]) {
    const res = await app.request('/v1/wallet/resolve', signed(wallet, 'POST', '/v1/wallet/resolve', { qr }));
    assert.is(res.status, 200);
    assert.equal(((await res.json()) as { qr: unknown }).qr, { signature: 'invalid', counterfeit: true });
  }
  database.close();
});

test('refuses a damaged QR, one without a WayGo box, an unknown box and a bad body, in the error shape', async () => {
  const { app, wallet, database } = walletWorld();
  const call = (body: unknown) => app.request('/v1/wallet/resolve', signed(wallet, 'POST', '/v1/wallet/resolve', body));
  const damaged = sticker(BOX).slice(0, -1) + '0';
  let res = await call({ qr: damaged });
  assert.is(res.status, 400);
  assert.is((await errorOf(res)).code, 'qr_invalid');
  res = await call({ qr: encode({ merchantAccountInformation: { 29: { '00': 'A000000677010111', '01': '1' } }, mcc: '7211', currency: '392', country: 'JP', merchantName: 'X', merchantCity: 'Y' }) });
  assert.is(res.status, 422);
  assert.is((await errorOf(res)).code, 'qr_not_waygo');
  res = await call({ boxId: 'ffffffffffffffff' });
  assert.is(res.status, 404);
  assert.is((await errorOf(res)).code, 'box_not_found');
  res = await call({ boxId: 'xyz' });
  assert.is(res.status, 400);
  assert.is((await errorOf(res)).type, 'invalid_request_error');
  database.close();
});

test('answers nothing to an unsigned request', async () => {
  const { app, database } = walletWorld();
  const res = await app.request('/v1/wallet/resolve', { method: 'POST', body: JSON.stringify({ boxId: BOX }), headers: { 'content-type': 'application/json' } });
  assert.is(res.status, 401);
  database.close();
});

test.run();
