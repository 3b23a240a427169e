// What the cloud provisions and seals is what the firmware runs: the built Puck.js bundle in the simulated Espruino
// boots from the provisioning bundle's files and applies the CONFIG and KEY_ROTATION telegrams a session carries.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { activateBox, configureBox, importShipments, provisionBox, rotateKeys } from '../../../../cloud/services/box-admin/index.ts';
import { applyCommandReceipt, sealNextCommand } from '../../../../cloud/services/box-commands/index.ts';
import { issueChallenge, openSession } from '../../../../cloud/services/sessions/index.ts';
import { createWalletApp } from '../../../../cloud/services/wallet-apps/index.ts';
import { fromHex } from '../../../../shared/bytes/hex.ts';
import { FLAG, MSG, RIGHT, SCENARIO } from '../../../../shared/protocol/constants.ts';
import { decodeKeyFile } from '../../../../shared/protocol/key-file.ts';
import { encodeMessage } from '../../../../shared/protocol/messages.ts';
import type { BoxKeys } from '../../../../shared/protocol/types.ts';
import { boards } from '../../../../tools/build/index.ts';
import type { SimulatedBox } from '../../../../tools/simulator/index.ts';
import { bootBox, provisionedFlash, Wallet as Link } from '../../../firmware/scenarios/harness.ts';
import { PLATFORM, adminWorld, shippingCsv } from '../box-admin/world.ts';

const puck = boards.find((b) => b.id === 'puckjs')!;
const BUILT = existsSync(join('build', 'puckjs', 'firmware.js')) && existsSync(join('build', 'puckjs', 'firmware.min.js'));
const BOX = 'aa00000000000001';
const WASHER = { currency: 'JPY', fields: { scenario: SCENARIO.PAY_BY_TIME, outputMask: 1, activeLevels: 1, unitSeconds: 60, unitPrice: 100, maxAmount: 3000 } };

function cloud() {
  const w = adminWorld();
  importShipments(w.db, PLATFORM, shippingCsv([{ id: BOX, code: 'A0001' }]), w.now);
  activateBox(w.db, PLATFORM, BOX, { storeId: 's_a', machineName: 'Washer 3', scenario: SCENARIO.PAY_BY_TIME }, w.now);
  const app = createWalletApp(w.db, 'Pay App', { kek: w.kek, actor: 'operator:test' });
  return { ...w, wallet: { id: app.id, walletId: app.walletId } };
}

type Cloud = ReturnType<typeof cloud>;
const filesOf = (bundle: { files: Record<string, string> }) =>
  Object.fromEntries(Object.entries(bundle.files).map(([name, b64]) => [name, new Uint8Array(Buffer.from(b64, 'base64'))]));

/** A wallet's visit: HELLO for the cloud's challenge, the cloud's session and AUTH. */
function visit(c: Cloud, box: SimulatedBox, keys: BoxKeys) {
  const link = new Link(box, keys);
  const { challenge } = issueChallenge(c.db, c.wallet.id, BOX, c.now);
  const hello = link.request(encodeMessage(MSG.HELLO_REQUEST, { challenge: fromHex(challenge) }));
  const session = openSession(c.db, c.kek, { wallet: c.wallet, hello: encodeMessage(MSG.HELLO, hello.fields), challenge, now: c.now });
  link.request(session.auth);
  return { link, session, hello };
}

/** Carries the next command to the box and its RECEIPT back; the cloud's view of the command after it. */
function carry(c: Cloud, v: ReturnType<typeof visit>) {
  const sealed = sealNextCommand(c.db, c.kek, { wallet: c.wallet, sessionId: v.session.sessionId, iv: v.link.iv(), now: c.now })!;
  const receipt = v.link.request(sealed.telegram);
  assert.is(receipt.type, MSG.RECEIPT);
  return applyCommandReceipt(c.db, c.kek, {
    wallet: c.wallet, sessionId: v.session.sessionId, commandId: sealed.commandId, receipt: encodeMessage(MSG.RECEIPT, receipt.fields), now: c.now,
  });
}

const test = suite('box commands on the built firmware');
const run = BUILT ? test : test.skip;

run('a box flashed with the provisioning bundle boots with its keys and configuration', () => {
  const c = cloud();
  configureBox(c.db, PLATFORM, BOX, WASHER, c.now);
  const files = filesOf(provisionBox(c.deps, PLATFORM, BOX, {}, c.now));
  const keys = decodeKeyFile(files['waygo.keys'])!;
  const flash = provisionedFlash(puck, keys);
  const { box, storage } = bootBox(puck, keys, flash);
  storage.write('waygo.cfg', files['waygo.cfg']!);
  box.reset();
  const { hello, session } = visit(c, box, keys);
  assert.is((hello.fields.flags as number) & FLAG.ACTIVATED, FLAG.ACTIVATED);
  assert.is(((hello.fields.flags as number) & FLAG.SCENARIO_MASK) >> FLAG.SCENARIO_SHIFT, SCENARIO.PAY_BY_TIME);
  assert.is(session.rights & RIGHT.MANAGE, 0, 'nothing is owed: provisioning carried the configuration');
  c.database.close();
});

run('the box applies a CONFIG and a KEY_ROTATION a session carries, and its next HELLO is under the new keys', () => {
  const c = cloud();
  const keys = decodeKeyFile(filesOf(provisionBox(c.deps, PLATFORM, BOX, {}, c.now))['waygo.keys'])!;
  const { box, storage } = bootBox(puck, keys);
  configureBox(c.db, PLATFORM, BOX, WASHER, c.now);
  const first = visit(c, box, keys);
  assert.ok(first.session.rights & RIGHT.MANAGE);
  const applied = carry(c, first);
  assert.equal([applied.kind, applied.state, applied.status], ['config', 'applied', 'ok']);
  const info = first.link.request(encodeMessage(MSG.INFO_REQUEST, {}));
  assert.is(info.fields.configVersion, 1, 'the box runs the configuration version the cloud set');
  first.link.close();

  const rotation = rotateKeys(c.deps, PLATFORM, BOX, c.now);
  const second = visit(c, box, keys);
  const rotated = carry(c, second);
  assert.equal([rotated.commandId, rotated.kind, rotated.state, rotated.status], [rotation.commandId, 'key_rotation', 'applied', 'ok']);
  second.link.close();
  const next = decodeKeyFile(new Uint8Array(storage.readArrayBuffer('waygo.keys')!))!;
  assert.is(next.keyVersion, 2);
  const third = visit(c, box, next);
  assert.is(third.hello.fields.keyVersion, 2);
  assert.is(third.session.keyVersion, 2, 'the cloud verified the HELLO under the new keys');
  assert.is(third.session.rights & RIGHT.MANAGE, 0);
  c.database.close();
});

test.run();
