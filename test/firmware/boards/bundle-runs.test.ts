import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { crc16, concatBytes, utf8Encode } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import {
  ERR, FLAG, KIND, LABEL, MSG, RIGHT, STATUS, checkTag, encodeKeyFile, encodeMessage, sealTelegram, signTag,
} from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards } from '../../../tools/build/index.ts';
import { createSimulatedBox, createWalletLink } from '../../../tools/simulator/index.ts';
import { createFiles } from '../../tools/simulator/fixtures/files.ts';
import { scanScreen } from '../core/display/pixels.ts';

// Runs each BUILT bundle (build/<board>/, made by `make unit` or `waygo build --board all`) in the simulated
// Espruino: only the interpreter's globals, the board's own native crypto, virtual time and a BLE link.

const UNIX = 1_800_000_000;
const bundle = suite('firmware bundle');

for (const board of boards) {
  for (const file of ['firmware.js', 'firmware.min.js']) {
    bundle(`the ${board.id} ${file} boots with outputs inactive, inputs pulled down, the REPL service off and its banner logged`, () => {
      const box = createSimulatedBox({ board, bundlePath: join('build', board.id, file), storage: createFiles({}, board.storageBytes) });
      assert.equal(box.pinTrace.filter((e) => e.source === 'write').map((e) => [e.pin, e.level]), board.pins.outputs.map((pin) => [pin, 0]));
      assert.equal(board.pins.inputs.map((pin) => box.pin(pin).mode), board.pins.inputs.map(() => 'input_pulldown'));
      const banner = `WayGo ${firmwareVersion} ${board.id}`;
      assert.equal(box.console, [`${banner} crc=${crc16(utf8Encode(banner)).toString(16).padStart(4, '0')}`]);
      if (board.display === 'lcd') assert.equal(box.lcd!.text().map((run) => run.text), ['WayGo', 'Not set up'], 'an unprovisioned idle screen');
      assert.is((box.ble.serviceOptions as { uart: boolean }).uart, false);
      assert.equal(box.errors, []);
    });
  }

  if (board.display === 'lcd') {
    for (const file of ['firmware.js', 'firmware.min.js']) {
      bundle(`the ${board.id} ${file} loads the QR encoder from its Storage module for the idle screen, and the symbol scans back`, () => {
        const template = 'WAYGO PIXL-7F3A NOODLE BAR 24';
        const ui = utf8Encode(JSON.stringify({ merchant: 'Noodle Bar', template, currency: 764 }));
        const box = createSimulatedBox({ board, bundlePath: join('build', board.id, file), storage: createFiles({ 'waygo.ui': ui }, board.storageBytes) });
        assert.equal(box.errors, []);
        assert.ok(box.lcd!.text().some((run) => run.text === 'Scan to pay'), 'the idle screen shows a QR code');
        const pixels = new Uint8Array(128 * 64);
        box.lcd!.screen().split('\n').forEach((row, y) => {
          for (let x = 0; x < 128; x++) pixels[y * 128 + x] = row[x] === '#' ? 1 : 0;
        });
        assert.is(scanScreen(pixels), template);
      });
    }
  }

  bundle(`the ${board.id} bundle proves its key, takes a ticket, sets its clock from a telegram, MACs the receipt and refuses a replay`, () => {
    const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
    const box = createSimulatedBox({ board, bundlePath: join('build', board.id, 'firmware.js'), storage: createFiles({ 'waygo.keys': encodeKeyFile(keys) }, board.storageBytes) });
    const wallet = createWalletLink(box, box.connect());

    const challenge = nodeCrypto.randomBytes(16);
    const hello = wallet.request(encodeMessage(MSG.HELLO_REQUEST, { challenge }));
    assert.is(hello.type, MSG.HELLO);
    assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.HELLO, challenge, encodeMessage(MSG.HELLO, hello.fields), 2));
    // Keys but no CONFIG yet: not activated, and the clock is unset until the CLOCK telegram below.
    assert.is((hello.fields.flags as number) & (FLAG.ACTIVATED | FLAG.CLOCK_UNSET), FLAG.CLOCK_UNSET);

    const context = concatBytes([keys.boxId, hello.fields.boxNonce as Uint8Array]);
    const auth = signTag(nodeCrypto, keys.macKey, LABEL.TICKET, context, encodeMessage(MSG.AUTH, {
      walletId: 7, rights: RIGHT.PAY | RIGHT.MANAGE, validSeconds: 60, ticket: new Uint8Array(16),
    }), 2);
    assert.is(wallet.request(auth).type, MSG.INFO);

    const iv = wallet.request(encodeMessage(MSG.IV_REQUEST, {})).fields.iv as Uint8Array;
    const txnId = nodeCrypto.randomBytes(8);
    const clock = sealTelegram(nodeCrypto, keys, iv, KIND.CLOCK, { txnId, issuedAt: UNIX, expiresAt: 0, time: UNIX });
    const receipt = wallet.request(clock);
    assert.is(receipt.type, MSG.RECEIPT);
    assert.is(receipt.fields.status, STATUS.OK);
    assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), encodeMessage(MSG.RECEIPT, receipt.fields), 2));
    assert.is(wallet.request(encodeMessage(MSG.INFO_REQUEST, {})).fields.clock, UNIX);

    assert.is(wallet.request(clock).fields.code, ERR.NO_IV, 'a replayed telegram finds no IV');
    assert.equal(box.errors, []);
  });
}

bundle.run();
