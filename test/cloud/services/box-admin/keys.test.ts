import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog, boxCommands, boxes } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { configureBox, importShipments, provisionBox, rotateKeys } from '../../../../cloud/services/box-admin/index.ts';
import { loadBoxKeys } from '../../../../cloud/services/box-keys/index.ts';
import { configError } from '../../../../firmware/src/core/machine/config.ts';
import { fromHex, toHex } from '../../../../shared/bytes/hex.ts';
import { KIND } from '../../../../shared/protocol/constants.ts';
import { decodeKeyFile } from '../../../../shared/protocol/key-file.ts';
import { deriveBoxKeys } from '../../../../shared/protocol/keys.ts';
import { decodeFields } from '../../../../shared/protocol/layout.ts';
import { KIND_LAYOUTS } from '../../../../shared/protocol/telegram-layout.ts';
import { OWNER_A, OWNER_B, PLATFORM, adminWorld, shippedIds, shippingCsv } from './world.ts';

const BOX = shippedIds('aa', 1)[0]!;

function world() {
  const w = adminWorld();
  importShipments(w.db, PLATFORM, shippingCsv([{ id: BOX, code: 'A0001', board: 'pixljs' }]), w.now);
  return w;
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
};
const fileOf = (bundle: { files: Record<string, string> }, name: string) => new Uint8Array(Buffer.from(bundle.files[name]!, 'base64'));

const provision = suite('provisionBox');

provision('registers the tool\'s master secret and answers the key file derived from it, never storing or auditing a secret', () => {
  const w = world();
  const master = new Uint8Array(32).fill(7);
  const bundle = provisionBox(w.deps, OWNER_A, BOX, { masterSecret: master }, w.now);
  assert.equal([bundle.boxId, bundle.board, bundle.keyVersion, Object.keys(bundle.files)], [BOX, 'pixljs', 1, ['waygo.keys']]);
  const keys = decodeKeyFile(fileOf(bundle, 'waygo.keys'))!;
  const expected = deriveBoxKeys(master, fromHex(BOX), 1);
  assert.equal(keys, expected);
  assert.equal(loadBoxKeys(w.db, w.kek, BOX), expected, 'the cloud holds the same keys, sealed');
  const audit = JSON.stringify(w.db.select().from(auditLog).all());
  for (const secret of [toHex(master), toHex(keys.encKey), toHex(keys.macKey), Buffer.from(keys.macKey).toString('base64')]) assert.not.ok(audit.includes(secret));
  assert.ok(audit.includes('box.provisioned'));
  w.database.close();
});

provision('refuses a box already provisioned unless asked to rotate, which makes the next key version', () => {
  const w = world();
  provisionBox(w.deps, OWNER_A, BOX, {}, w.now);
  assert.is(codeOf(() => provisionBox(w.deps, OWNER_A, BOX, {}, w.now)), 'box_already_provisioned');
  const again = provisionBox(w.deps, OWNER_A, BOX, { rotate: true }, w.now);
  assert.is(again.keyVersion, 2);
  assert.equal(decodeKeyFile(fileOf(again, 'waygo.keys')), loadBoxKeys(w.db, w.kek, BOX, 2));
  assert.is(codeOf(() => provisionBox(w.deps, OWNER_B, BOX, { rotate: true }, w.now)), 'box_not_found');
  assert.is(codeOf(() => provisionBox(w.deps, OWNER_A, BOX, { masterSecret: new Uint8Array(16), rotate: true }, w.now)), 'master_secret_invalid');
  w.database.close();
});

provision('adds the configured box\'s waygo.cfg, which the firmware reads back as its configuration, and drops the queued CONFIG', () => {
  const w = world();
  const configured = configureBox(w.db, OWNER_A, BOX, { currency: 'TWD', fields: { scenario: 2, outputMask: 3, activeLevels: 3, pulseMs: 50, gapMs: 50, pulsesPerUnit: 1, unitPrice: 10, maxAmount: 500 } }, w.now);
  const bundle = provisionBox(w.deps, OWNER_A, BOX, {}, w.now);
  const cfg = fileOf(bundle, 'waygo.cfg');
  const fields = decodeFields(KIND_LAYOUTS[KIND.CONFIG]!, cfg, 0, cfg.length);
  assert.ok(typeof fields !== 'number');
  if (typeof fields === 'number') return;
  assert.is(configError(fields), 0);
  for (const [name, value] of Object.entries(configured.config)) assert.is(fields[name], value, name);
  assert.is(w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!.appliedConfigVersion, 1);
  assert.is(w.db.select().from(boxCommands).get()!.state, 'superseded');
  w.database.close();
});

provision('needs a board, which the shipment import records', () => {
  const w = world();
  w.db.update(boxes).set({ board: null }).where(eq(boxes.id, BOX)).run();
  assert.is(codeOf(() => provisionBox(w.deps, PLATFORM, BOX, {}, w.now)), 'box_board_unknown');
  w.database.close();
});

provision.run();

const rotate = suite('rotateKeys');

rotate('makes the next key version and queues a KEY_ROTATION naming only that version', () => {
  const w = world();
  provisionBox(w.deps, OWNER_A, BOX, {}, w.now);
  const queued = rotateKeys(w.deps, OWNER_A, BOX, w.now);
  assert.is(queued.keyVersion, 2);
  const row = w.db.select().from(boxCommands).where(eq(boxCommands.id, queued.commandId)).get()!;
  assert.equal([row.kind, row.state, row.payload], ['key_rotation', 'pending', { keyVersion: 2 }]);
  assert.ok(w.db.select().from(auditLog).all().some((a) => a.action === 'box.key_rotation_queued'));
  assert.is(codeOf(() => rotateKeys(w.deps, OWNER_B, BOX, w.now)), 'box_not_found');
  w.database.close();
});

rotate('refuses a box that was never provisioned', () => {
  const w = world();
  assert.is(codeOf(() => rotateKeys(w.deps, OWNER_A, BOX, w.now)), 'box_key_not_found');
  w.database.close();
});

rotate.run();
