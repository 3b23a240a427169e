import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog, boxCommands, boxes } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { queueClock } from '../../../../cloud/services/box-admin/index.ts';
import { applyCommandReceipt, sealNextCommand } from '../../../../cloud/services/box-commands/index.ts';
import { ivFrom } from '../../../../cloud/services/payments/index.ts';
import { fromHex, toHex } from '../../../../shared/bytes/hex.ts';
import { KIND } from '../../../../shared/protocol/constants.ts';
import { BOX } from '../../wallet-world.ts';
import { PLATFORM, commandWorld } from '../box-commands/world.ts';

const OTHER_MERCHANT = { ...PLATFORM, accountId: 'acc_other', merchantId: 'm_nobody' };

const test = suite('queueClock');

test('queues a CLOCK holding no time, supersedes one still waiting, and audits it without a secret', () => {
  const w = commandWorld();
  const first = queueClock(w.db, PLATFORM, BOX.toUpperCase(), w.now());
  const second = queueClock(w.db, PLATFORM, BOX, w.now());
  assert.is(second.boxId, BOX);
  const rows = w.db.select().from(boxCommands).where(eq(boxCommands.boxId, BOX)).all();
  assert.equal(rows.map((r) => [r.id, r.kind, r.state]).sort(), [[first.commandId, 'clock', 'superseded'], [second.commandId, 'clock', 'pending']].sort());
  assert.equal(rows.find((r) => r.id === second.commandId)!.payload, {});
  const audit = w.db.select().from(auditLog).where(eq(auditLog.action, 'box.clock_queued')).all();
  assert.is(audit.length, 2);
  const data = JSON.parse(audit[1]!.data) as Record<string, unknown>;
  assert.equal(Object.keys(data).sort(), ['commandId', 'merchantId']);
  assert.is(data.commandId, second.commandId);
  assert.is(typeof data.merchantId, 'string', 'the box\'s merchant, so its own accounts see the row');
  w.database.close();
});

test('answers another merchant\'s box as not found and refuses a retired box', () => {
  const w = commandWorld();
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof CloudError ? err.code : String(err);
    }
    return undefined;
  };
  assert.is(codeOf(() => queueClock(w.db, OTHER_MERCHANT, BOX, w.now())), 'box_not_found');
  w.db.update(boxes).set({ status: 'retired' }).where(eq(boxes.id, BOX)).run();
  assert.is(codeOf(() => queueClock(w.db, PLATFORM, BOX, w.now())), 'box_retired');
  assert.is(w.db.select().from(boxCommands).all().length, 0);
  w.database.close();
});

test('the telegram carries the time it was sealed at, not the time it was queued, and the box\'s OK applies it', () => {
  const w = commandWorld();
  queueClock(w.db, PLATFORM, BOX, w.now());
  w.advance(3 * 3600_000);
  const { session, box } = w.connect();
  const sealed = sealNextCommand(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, iv: ivFrom(fromHex(box.iv())), now: w.now() })!;
  assert.is(sealed.telegram[3], KIND.CLOCK);
  const fields = box.open(toHex(sealed.telegram));
  assert.is(fields.time, Math.floor(w.now() / 1000));
  const receipt = fromHex(box.receipt(fromHex(sealed.txnId)));
  const outcome = applyCommandReceipt(w.db, w.kek, { wallet: w.wallet, sessionId: session.sessionId, commandId: sealed.commandId, receipt, now: w.now() });
  assert.equal([outcome.kind, outcome.state], ['clock', 'applied']);
  w.database.close();
});

test.run();
