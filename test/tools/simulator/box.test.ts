import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { ERR, MSG, encodeKeyFile, encodeMessage } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import { boards } from '../../../tools/build/index.ts';
import { SimulatorError, createSimulatedBox, createWalletLink } from '../../../tools/simulator/index.ts';
import { createFiles } from './fixtures/files.ts';

const board = boards[0]!;
const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);

function firmware() {
  return createSimulatedBox({ board, bundlePath: join('build', board.id, 'firmware.js'), storage: createFiles({ 'waygo.keys': encodeKeyFile(keys) }) });
}

const helloRequest = () => encodeMessage(MSG.HELLO_REQUEST, { challenge: nodeCrypto.randomBytes(16) });

const link = suite('BLE link');

link('a write larger than MTU − 3 is refused; a raised MTU carries it', () => {
  const box = firmware();
  const small = box.connect();
  assert.throws(() => small.write(new Uint8Array(21)), (e: unknown) => e instanceof SimulatorError && e.code === 'mtu');
  small.disconnect();
  const wallet = createWalletLink(box, box.connect({ mtu: 53 }));
  assert.is(wallet.request(helloRequest()).type, MSG.HELLO);
});

link('notifications refused by a full radio buffer wait in the session outbox and are drained by its tick', () => {
  const box = firmware();
  const wallet = createWalletLink(box, box.connect());
  wallet.link.loseNotifications(2);
  const before = box.now();
  assert.is(wallet.request(helloRequest()).type, MSG.HELLO);
  assert.ok(box.now() - before >= 250, 'the reply completed only after a drain tick');
  assert.is(wallet.link.lost.length, 0);
  assert.equal(box.errors, []);
});

link('a notification lost silently is visible to the wallet as a framing gap, and a repeated request succeeds', () => {
  const box = firmware();
  const wallet = createWalletLink(box, box.connect());
  wallet.link.loseNotifications(1, 'silent');
  assert.throws(() => wallet.request(encodeMessage(MSG.INFO_REQUEST, {}), { waitMs: 500 }), (e: unknown) => e instanceof SimulatorError && e.code === 'no_reply');
  assert.is(wallet.link.lost.length, 1);
  assert.is(wallet.request(encodeMessage(MSG.INFO_REQUEST, {})).type, MSG.INFO);
});

link('the box drops a link that shows no ticket in time, and the wallet sees the disconnect', () => {
  const box = firmware();
  const wallet = createWalletLink(box, box.connect());
  assert.is(wallet.request(helloRequest()).type, MSG.HELLO);
  box.advance(30_000);
  assert.is(wallet.link.connected, false);
});

link('requests that need a ticket are refused without one', () => {
  const box = firmware();
  const wallet = createWalletLink(box, box.connect());
  assert.is(wallet.request(encodeMessage(MSG.IV_REQUEST, {})).fields.code, ERR.NOT_AUTHENTICATED);
});

const reset = suite('reset');

reset('reset() reruns the bundle on the same Storage: the box still holds its key and boots again', () => {
  const files = createFiles({ 'waygo.keys': encodeKeyFile(keys) });
  const box = createSimulatedBox({ board, bundlePath: join('build', board.id, 'firmware.js'), storage: files });
  const first = box.connect();
  box.advance(1000);
  box.reset();
  assert.is(first.connected, false, 'a reset ends the connection');
  assert.equal(box.chip.resets, [{ t: 1000, reason: 'reset' }]);
  assert.is(box.console.length, 2, 'the banner is printed by both boots');
  assert.ok(files.list().includes('waygo.keys'), 'the key file survives the reset');
  const wallet = createWalletLink(box, box.connect());
  const hello = wallet.request(helloRequest());
  assert.equal(hello.fields.boxId, keys.boxId);
});

reset('powerCut() reboots too and stops the hardware watchdog; reset() keeps it', () => {
  const box = createSimulatedBox({ board, code: "var s = require('Storage'); if (!s.read('armed')) { s.write('armed', '1'); E.enableWatchdog(5, true); }", storage: createFiles() });
  box.reset();
  assert.ok(box.chip.watchdog !== undefined);
  box.powerCut();
  assert.is(box.chip.watchdog, undefined);
  assert.equal(box.chip.resets.map((r) => r.reason), ['reset', 'power']);
});

link.run();
reset.run();

const flash = suite('default Storage');

flash('without a storage option the box gets flash of its board Storage size, kept across reset', () => {
  const box = createSimulatedBox({ board, code: "var s = require('Storage'); console.log(s.read('n') || 'none'); s.write('n', 'x' + (s.read('n') || ''));" });
  box.reset();
  assert.equal(box.console, ['none', 'x']);
});

flash.run();

const modules = suite('Storage modules');

modules('require runs a Storage file as a module once, with exports in scope, until Modules.removeCached drops it', () => {
  const module = new TextEncoder().encode('console.log("ran"); exports.twice = function (x) { return 2 * x; };');
  const box = createSimulatedBox({
    board, storage: createFiles({ 'waygo.m.t': module }),
    code: "var a = require('waygo.m.t'); var b = require('waygo.m.t'); Modules.removeCached('waygo.m.t'); var c = require('waygo.m.t');" +
      'console.log(a.twice(21), a === b, a === c);',
  });
  assert.equal(box.console, ['ran', 'ran', '42 true false']);
});

modules('a name that is neither built in nor in Storage is an error, as on the box', () => {
  const box = createSimulatedBox({ board, code: "try { require('waygo.m.none'); } catch (e) { console.log('missing'); }" });
  assert.equal(box.console, ['missing']);
});

modules.run();
