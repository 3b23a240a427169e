import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyAuditChain } from '../../../../cloud/audit/index.ts';
import { auditLog, boxLogRecords, payments } from '../../../../cloud/db/schema/index.ts';
import { rotateBoxKey } from '../../../../cloud/services/box-keys/index.ts';
import { toHex } from '../../../../shared/bytes/hex.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { LABEL, MSG, STATUS } from '../../../../shared/protocol/constants.ts';
import { encodeFields } from '../../../../shared/protocol/layout.ts';
import { LOG_RECORD_LAYOUT, encodeMessage } from '../../../../shared/protocol/messages.ts';
import { signTag } from '../../../../shared/protocol/tags.ts';
import type { BoxKeys } from '../../../../shared/protocol/types.ts';
import { PaymentBox, paymentWorld } from '../../services/payments/world.ts';
import { BOX, OTHER_BOX, errorOf } from '../../wallet-world.ts';

interface Outcome { index: number; seq?: number; status: string; code?: string; paymentId?: string | null; mismatch?: string[] }
interface Answer { stored: number; duplicates: number; rejected: number; results: Outcome[] }

const LOG = `/v1/wallet/boxes/${BOX}/log`;

function record(keys: BoxKeys, seq: number, fields: { txnId?: Uint8Array; amount?: number; result?: number } = {}): Uint8Array {
  const bytes = encodeFields(LOG_RECORD_LAYOUT, {
    seq, time: 1_700_000_000 + seq, txnId: fields.txnId ?? new Uint8Array(8).fill(seq), walletId: 1, amount: fields.amount ?? 300,
    currency: 392, scenario: 1, result: fields.result ?? STATUS.OK, mac: new Uint8Array(16),
  });
  return signTag(nodeCrypto, keys.macKey, LABEL.LOG, keys.boxId, bytes, 0);
}

const message = (records: Uint8Array[]) => toHex(encodeMessage(MSG.LOG_RECORDS, { count: records.length, records: Buffer.concat(records) }));

const test = suite('boxLogRoutes');

test('stores MAC-checked records from a LOG_RECORDS message, and a re-upload stores nothing twice', async () => {
  const w = paymentWorld();
  const keys = w.keys[BOX]!;
  const body = { message: message([record(keys, 1), record(keys, 2)]) };
  const first = await w.post(LOG, body);
  assert.is(first.status, 200);
  const answer = (await first.json()) as Answer;
  assert.equal([answer.stored, answer.duplicates, answer.rejected], [2, 0, 0]);
  assert.equal(answer.results.map((r) => [r.seq, r.status]), [[1, 'stored'], [2, 'stored']]);
  const again = (await (await w.post(LOG, body)).json()) as Answer;
  assert.equal([again.stored, again.duplicates, again.rejected], [0, 2, 0]);
  assert.is(w.database.db.select().from(boxLogRecords).all().length, 2);
  w.database.close();
});

test('rejects a tampered record, a foreign box\'s record and a different record under a stored seq, each with its code', async () => {
  const w = paymentWorld();
  const keys = w.keys[BOX]!;
  const tampered = record(keys, 3);
  tampered[20] = tampered[20]! ^ 1;
  const malformed = record(keys, 4).subarray(0, 40);
  await w.post(LOG, { records: [toHex(record(keys, 5))] });
  const res = await w.post(LOG, {
    records: [toHex(tampered), toHex(record(w.keys[OTHER_BOX]!, 6)), toHex(malformed), Buffer.from(record(keys, 5, { amount: 999 })).toString('base64'), toHex(record(keys, 7))],
  });
  const answer = (await res.json()) as Answer;
  assert.equal(answer.results.map((r) => [r.index, r.status, r.code]), [
    [0, 'rejected', 'mac_invalid'], [1, 'rejected', 'mac_invalid'], [2, 'rejected', 'record_malformed'], [3, 'rejected', 'seq_conflict'], [4, 'stored', undefined],
  ]);
  assert.equal(w.database.db.select({ seq: boxLogRecords.seq }).from(boxLogRecords).all().map((r) => r.seq), [5, 7]);
  w.database.close();
});

test('accepts records under the previous key during a rotation', async () => {
  const w = paymentWorld();
  const old = w.keys[BOX]!;
  const fresh = rotateBoxKey(w.database.db, BOX, { kek: w.kek, actor: 'operator:test' }).keys;
  const answer = (await (await w.post(LOG, { records: [toHex(record(old, 1)), toHex(record(fresh, 2))] })).json()) as Answer;
  assert.is(answer.stored, 2);
  assert.equal(w.database.db.select({ v: boxLogRecords.keyVersion }).from(boxLogRecords).all().map((r) => r.v), [1, 2]);
  w.database.close();
});

test('links a record to its payment and flags the payment for review when amount or result disagree', async () => {
  const w = paymentWorld();
  const box = new PaymentBox(w.keys[BOX]!);
  const res = await w.post('/v1/wallet/payments', { boxId: BOX, iv: box.iv(), sku: 'WASH-30' }, { 'idempotency-key': 'k-1' });
  const { payment, telegram } = (await res.json()) as { payment: { id: string }; telegram: string };
  const txnId = box.open(telegram).txnId as Uint8Array;
  await w.post(`/v1/wallet/payments/${payment.id}/receipt`, { receipt: box.receipt(txnId) });
  const good = record(w.keys[BOX]!, 1, { txnId, amount: 300 });
  const bad = record(w.keys[BOX]!, 2, { txnId, amount: 3000, result: STATUS.MACHINE_FAILED });
  const answer = (await (await w.post(LOG, { records: [toHex(good), toHex(bad)] })).json()) as Answer;
  assert.equal(answer.results.map((r) => [r.paymentId, r.mismatch]), [[payment.id, []], [payment.id, ['amount_mismatch', 'result_mismatch']]]);
  const row = w.database.db.select({ flags: payments.flags }).from(payments).get()!;
  assert.equal(JSON.parse(row.flags!), ['log_mismatch']);
  const actions = w.database.db.select({ a: auditLog.action }).from(auditLog).all().map((r) => r.a);
  assert.is(actions.filter((a) => a === 'payment.log_mismatch').length, 1);
  assert.ok(verifyAuditChain(w.database.db).ok);
  w.database.close();
});

test('answers 404 for an unknown box and 400 for a body that is neither a message nor records', async () => {
  const w = paymentWorld();
  const unknown = await w.post('/v1/wallet/boxes/ffffffffffffffff/log', { records: [toHex(record(w.keys[BOX]!, 1))] });
  assert.is(unknown.status, 404);
  assert.is((await errorOf(unknown)).code, 'box_not_found');
  const notLog = await w.post(LOG, { message: toHex(encodeMessage(MSG.IV_REQUEST, {})) });
  assert.is(notLog.status, 400);
  assert.is((await errorOf(notLog)).code, 'log_message_invalid');
  assert.is((await w.post(LOG, { records: [] })).status, 400);
  const unsigned = await w.app.request(LOG, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"records":[]}' });
  assert.is(unsigned.status, 401);
  w.database.close();
});

test.run();
