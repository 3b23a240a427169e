import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import jsQRModule from 'jsqr';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { activateBox, boxSticker, configureBox, importShipments, stickerPng, stickerSvg } from '../../../../cloud/services/box-admin/index.ts';
import { verifyMerchantQr } from '../../../../cloud/services/merchant-qr-keys/index.ts';
import { decode, findBoxId } from '../../../../shared/emv/index.ts';
import { decodePng } from './png.ts';
import { OWNER_A, OWNER_B, PLATFORM, adminWorld, shippedIds, shippingCsv } from './world.ts';

// jsqr is CommonJS: its typings nest the function in `default`, where Node's interop also puts it.
const jsQR = jsQRModule.default;
const BOX = shippedIds('aa', 1)[0]!;

function world() {
  const w = adminWorld();
  importShipments(w.db, PLATFORM, shippingCsv([{ id: BOX, code: 'A0001' }]), w.now);
  activateBox(w.db, OWNER_A, BOX, { storeId: 's_a', machineName: 'Washer <3>', scenario: 1 }, w.now);
  configureBox(w.db, OWNER_A, BOX, { currency: 'JPY', fields: { scenario: 1, outputMask: 1, unitSeconds: 60, unitPrice: 100, maxAmount: 3000 } }, w.now);
  return w;
}

const sticker = suite('boxSticker');

sticker('names the box in template 49 and carries a signature the cloud verifies for the box\'s merchant', () => {
  const w = world();
  const made = boxSticker(w.deps, OWNER_A, BOX, { mcc: '7211', country: 'JP', city: 'Osaka' }, w.now);
  const payload = decode(made.payload, { strict: true });
  assert.is(findBoxId(payload), BOX);
  assert.equal([payload.merchantName, payload.currency, payload.mcc, payload.country, payload.merchantCity], ['Laundry Corner', '392', '7211', 'JP', 'Osaka']);
  assert.equal(verifyMerchantQr(w.db, w.kek, made.payload), { signature: 'verified', merchantId: 'm_a' });
  const next = boxSticker(w.deps, OWNER_A, BOX, {}, w.now);
  assert.is(next.keyId, made.keyId, 'the merchant\'s QR key is made once and reused');
  assert.throws(() => boxSticker(w.deps, OWNER_B, BOX, {}, w.now), (err: unknown) => err instanceof CloudError && err.code === 'box_not_found');
  w.database.close();
});

sticker.run();

const svg = suite('stickerSvg');

svg('draws the QR with the merchant, the machine and the box id as escaped text', () => {
  const w = world();
  const drawn = stickerSvg(boxSticker(w.deps, OWNER_A, BOX, {}, w.now));
  assert.ok(drawn.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(drawn.includes('>Laundry Corner</text>'));
  assert.ok(drawn.includes('>Washer &#60;3&#62;</text>'));
  assert.ok(drawn.includes(`>Box ${BOX.toUpperCase()}</text>`));
  w.database.close();
});

svg.run();

const png = suite('stickerPng');

png('decodes with a QR reader to the signed payload', async () => {
  const w = world();
  const made = boxSticker(w.deps, OWNER_A, BOX, { mcc: '7211', country: 'JP', city: 'Osaka' }, w.now);
  const image = decodePng(await stickerPng(made));
  const read = jsQR(image.data, image.width, image.height);
  assert.is(read?.data, made.payload);
  assert.equal(verifyMerchantQr(w.db, w.kek, read!.data), { signature: 'verified', merchantId: 'm_a' });
  w.database.close();
});

png.run();
