import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { boxCommands, boxes } from '../../../../cloud/db/schema/index.ts';
import { configureBox, rotateKeys } from '../../../../cloud/services/box-admin/index.ts';
import { applyCommandReceipt, sealNextCommand } from '../../../../cloud/services/box-commands/index.ts';
import { loadBoxKeys } from '../../../../cloud/services/box-keys/index.ts';
import { ivFrom } from '../../../../cloud/services/payments/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { configError } from '../../../../firmware/src/core/machine/config.ts';
import { fromHex, toHex } from '../../../../shared/bytes/hex.ts';
import { KIND, RIGHT, STATUS } from '../../../../shared/protocol/constants.ts';
import { ERR } from '../../../../shared/protocol/errors.ts';
import { BOX } from '../../wallet-world.ts';
import { PLATFORM, commandWorld } from './world.ts';

const WASHER = { currency: 'JPY', fields: { scenario: 1, outputMask: 1, activeLevels: 1, unitSeconds: 60, unitPrice: 100, maxAmount: 3000 } };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof CloudError ? err.code : String(err);
  }
  return undefined;
}

const sealNext = suite('sealNextCommand');

sealNext('seals a queued CONFIG under the session\'s keys for the box\'s IV, and the box opens exactly the configuration set', () => {
  const w = commandWorld();
  const configured = configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  const { session, box } = w.connect();
  assert.ok(session.rights & RIGHT.MANAGE, 'a session opened while a command waits may manage');
  const sealed = sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  assert.is(sealed.kind, 'config');
  assert.is(sealed.telegram[3], KIND.CONFIG);
  const fields = box.open(toHex(sealed.telegram));
  assert.is(toHex(fields.txnId as Uint8Array), sealed.txnId);
  for (const [name, value] of Object.entries(configured.config)) assert.is(fields[name], value, name);
  assert.is(fields.configVersion, 1);
  assert.is(fields.currency, 392);
  assert.is(configError(fields), 0, 'the firmware\'s own check accepts it');
  w.database.close();
});

sealNext('answers nothing when nothing is owed, and a session without MANAGE is told to open a new one', () => {
  const w = commandWorld();
  const first = w.connect();
  assert.is(first.session.rights & RIGHT.MANAGE, 0);
  const iv = new Uint8Array(16);
  assert.is(sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: first.session.sessionId, iv, now: w.now() }), undefined);
  configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  assert.is(codeOf(() => sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: first.session.sessionId, iv, now: w.now() })), 'session_not_permitted');
  assert.is(codeOf(() => sealNextCommand(w.db, w.kek, { wallet: { id: 'wa_other', walletId: 9 }, sessionId: first.session.sessionId, iv, now: w.now() })), 'session_not_found');
  w.advance(121_000);
  assert.is(codeOf(() => sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: first.session.sessionId, iv, now: w.now() })), 'session_expired');
  w.database.close();
});

sealNext('reseals a command whose receipt was lost with the same txnId, and only the newest CONFIG is sent', () => {
  const w = commandWorld();
  configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  configureBox(w.db, PLATFORM, BOX, { ...WASHER, fields: { ...WASHER.fields, unitPrice: 200, maxAmount: 4000 } }, w.now());
  const { session, box } = w.connect();
  const seal = () => sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  const once = seal();
  const fields = box.open(toHex(once.telegram));
  assert.is(fields.configVersion, 2);
  assert.is(fields.unitPrice, 200);
  const again = seal();
  assert.is(again.txnId, once.txnId);
  assert.is(again.commandId, once.commandId);
  const states = w.db.select({ state: boxCommands.state }).from(boxCommands).all().map((r) => r.state).sort();
  assert.equal(states, ['delivered', 'superseded']);
  w.database.close();
});

sealNext('carries a key rotation as the new version\'s keys under the old ones, and drops it once a HELLO shows the new version', () => {
  const w = commandWorld();
  const old = w.keys[BOX]!;
  const rotation = rotateKeys(w.deps, PLATFORM, BOX, w.now());
  assert.is(rotation.keyVersion, 2);
  const row = w.db.select().from(boxCommands).where(eq(boxCommands.id, rotation.commandId)).get()!;
  assert.equal(row.payload, { keyVersion: 2 }, 'the command row names the version, never a key');
  const { session, box } = w.connect(old);
  const sealed = sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  const fields = box.open(toHex(sealed.telegram));
  const next = loadBoxKeys(w.db, w.kek, BOX, 2);
  assert.is(sealed.telegram[3], KIND.KEY_ROTATION);
  assert.is(fields.keyVersion, 2);
  assert.equal([fields.encKey, fields.macKey, fields.posKey], [next.encKey, next.macKey, next.posKey]);
  const moved = w.connect(next);
  assert.is(sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: moved.session.sessionId, iv: ivFrom(fromHex(moved.box.iv())), now: w.now() }), undefined);
  assert.is(w.db.select().from(boxCommands).where(eq(boxCommands.id, rotation.commandId)).get()!.state, 'applied');
  w.database.close();
});

sealNext('sends a key rotation after every other command, so nothing follows it under keys the box dropped', () => {
  const w = commandWorld();
  rotateKeys(w.deps, PLATFORM, BOX, w.now());
  w.advance(1000);
  configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  const { session, box } = w.connect(w.keys[BOX]!);
  const seal = () => sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  const first = seal();
  assert.is(first.kind, 'config');
  box.open(toHex(first.telegram));
  applyCommandReceipt(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, commandId: first.commandId, receipt: fromHex(box.receipt(fromHex(first.txnId))), now: w.now() });
  assert.is(seal().kind, 'key_rotation');
  w.database.close();
});

sealNext.run();

const receipt = suite('applyCommandReceipt');

receipt('marks the CONFIG applied on the box\'s OK, records the version the box runs and its counter', () => {
  const w = commandWorld();
  configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  const { session, box } = w.connect(undefined, 5);
  const sealed = sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  box.open(toHex(sealed.telegram));
  const message = fromHex(box.receipt(fromHex(sealed.txnId)));
  const input = { wallet: w.wallet, sessionId: session.sessionId, commandId: sealed.commandId, receipt: message, now: w.now() };
  assert.equal(applyCommandReceipt(w.db, w.kek, input), { commandId: sealed.commandId, kind: 'config', status: 'ok', detail: 0, state: 'applied' });
  const row = w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!;
  assert.is(row.appliedConfigVersion, 1);
  assert.is(row.counter, 6);
  assert.is(applyCommandReceipt(w.db, w.kek, input).state, 'applied', 'a repeated receipt changes nothing');
  w.database.close();
});

receipt('queues the command again when the box was busy, and fails it on any other refusal', () => {
  const w = commandWorld();
  configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  const { session, box } = w.connect();
  const seal = () => sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  const apply = (txnId: string, commandId: string, detail: number) => applyCommandReceipt(w.db, w.kek, {
    wallet: w.wallet, sessionId: session.sessionId, commandId, receipt: fromHex(box.receipt(fromHex(txnId), STATUS.REFUSED, detail)), now: w.now(),
  });
  const sealed = seal();
  assert.is(apply(sealed.txnId, sealed.commandId, ERR.BUSY).state, 'pending');
  const retried = seal();
  assert.is(retried.txnId, sealed.txnId, 'a refusal is not logged, so the same txnId is sent again');
  assert.is(apply(retried.txnId, retried.commandId, ERR.BAD_FIELD).state, 'failed');
  assert.is(w.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!.appliedConfigVersion, 0);
  w.database.close();
});

receipt('refuses a forged receipt, another transaction\'s, and one for a command never sealed', () => {
  const w = commandWorld();
  configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  const { session, box } = w.connect();
  const sealed = sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  const apply = (message: string, commandId = sealed.commandId) => codeOf(() => applyCommandReceipt(w.db, w.kek, {
    wallet: w.wallet, sessionId: session.sessionId, commandId, receipt: fromHex(message), now: w.now(),
  }));
  assert.is(apply(box.receipt(fromHex(sealed.txnId), STATUS.OK, 0, new Uint8Array(32))), 'receipt_mac_invalid');
  assert.is(apply(box.receipt(new Uint8Array(8))), 'receipt_txn_mismatch');
  assert.is(apply('0107'), 'receipt_invalid');
  const queued = configureBox(w.db, PLATFORM, BOX, WASHER, w.now());
  assert.is(apply(box.receipt(fromHex(sealed.txnId)), queued.commandId), 'command_not_sealed');
  w.database.close();
});

receipt('takes the key rotation\'s receipt under the old keys', () => {
  const w = commandWorld();
  const rotation = rotateKeys(w.deps, PLATFORM, BOX, w.now());
  const { session, box } = w.connect(w.keys[BOX]!);
  const sealed = sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  box.open(toHex(sealed.telegram));
  const outcome = applyCommandReceipt(w.db, w.kek, {
    wallet: w.wallet, sessionId: session.sessionId, commandId: rotation.commandId, receipt: fromHex(box.receipt(fromHex(sealed.txnId))), now: w.now(),
  });
  assert.is(outcome.state, 'applied');
  w.database.close();
});

receipt.run();
