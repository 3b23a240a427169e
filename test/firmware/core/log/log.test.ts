import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RECORD_SIZE, RESERVE_AFTER_BYTES, logCapacity, openLog } from '../../../../firmware/src/core/log/index.ts';
import { LABEL, LOG_RECORD_LAYOUT, checkTag, decodeFields } from '../../../../shared/protocol/index.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { appendAll, boardStorage, fields, keys, open, txn } from './log-harness.ts';

const shape = { segments: 4, recordsPerSegment: 5 };

const log = suite('openLog');

log('reads back appended records in order with their fields', () => {
  const l = open(boardStorage(), shape);
  assert.equal(appendAll(l, 0, 7), [1, 2, 3, 4, 5, 6, 7]);
  const bytes = l.read(3, 10);
  assert.is(bytes.length, 5 * RECORD_SIZE);
  const first = decodeFields(LOG_RECORD_LAYOUT, bytes, 0, RECORD_SIZE) as Record<string, unknown>;
  assert.is(first.seq, 3);
  assert.is(first.amount, 102);
  assert.equal(first.txnId, txn(2));
});

log('finds a transaction by its id and says undefined for an unknown one', () => {
  const l = open(boardStorage(), shape);
  appendAll(l, 0, 12);
  assert.equal(l.findByTxn(txn(9)), { seq: 10, time: fields(9).time, result: fields(9).result });
  assert.is(l.findByTxn(txn(99)), undefined);
});

log('signs every record so the cloud verifies it with the box MAC key and boxId', () => {
  const l = open(boardStorage(), shape);
  appendAll(l, 0, 6);
  const bytes = l.read(0, 10);
  for (let at = 0; at < bytes.length; at += RECORD_SIZE) {
    assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.LOG, keys.boxId, bytes.subarray(at, at + RECORD_SIZE), 0));
  }
  const forged = bytes.slice(0, RECORD_SIZE);
  forged[20]! ^= 1;
  assert.not.ok(checkTag(nodeCrypto, keys.macKey, LABEL.LOG, keys.boxId, forged, 0));
});

log('recycling keeps the newest records and drops whole oldest segments', () => {
  const storage = boardStorage();
  const l = open(storage, shape);
  appendAll(l, 0, 53);
  const bytes = l.read(0, 100);
  const seqs: number[] = [];
  for (let at = 0; at < bytes.length; at += RECORD_SIZE) seqs.push((decodeFields(LOG_RECORD_LAYOUT, bytes, at, at + RECORD_SIZE) as { seq: number }).seq);
  assert.is(seqs[seqs.length - 1], 53);
  assert.ok(seqs.length >= l.capacity());
  assert.is((seqs[0]! - 1) % shape.recordsPerSegment, 0);
  for (let i = 1; i < seqs.length; i++) assert.is(seqs[i], seqs[i - 1]! + 1);
  assert.is(storage.autoCompactions, 0);
});

log('spreads page erases over the log pages only and never compacts inside a write', () => {
  const storage = boardStorage();
  const l = openLog({ storage, crypto: nodeCrypto, keys, segments: 6 });
  appendAll(l, 0, 2000);
  const erases = storage.flash.erases;
  assert.equal(erases.slice(0, 4), [0, 0, 0, 0]);
  const logPages = erases.slice(4);
  assert.ok(Math.max(...logPages) - Math.min(...logPages) <= 1, 'erases per page ' + erases.join(','));
  assert.is(storage.autoCompactions, 0);
  console.log('erases per page after 2000 records (6 segments × 78):', erases.join(' '));
});

log('survives a reboot with the same records and continues the sequence', () => {
  const storage = boardStorage();
  appendAll(open(storage, shape), 0, 9);
  const again = open(storage, shape);
  assert.is(again.count(), 9);
  assert.is(again.append(fields(9)), 10);
});

log('refuses impossible shapes with a coded error', () => {
  try {
    open(boardStorage(), { segments: 1, recordsPerSegment: 5 });
    assert.unreachable();
  } catch (e) {
    assert.is((e as { code: string }).code, 'bad_options');
  }
});

log.run();

const capacity = suite('logCapacity');

capacity('fits at least 300 records on a Puck.js beside a 14 KB bundle', () => {
  const c = logCapacity(40 * 1024, 14_210);
  assert.is(c.segments, 5);
  assert.ok(c.records >= 300);
});

capacity('matches the segments openLog creates and leaves the reserve free for the files written after the log', () => {
  const storage = boardStorage(14_210);
  const l = openLog({ storage, crypto: nodeCrypto, keys, segments: logCapacity(40 * 1024, 14_210).segments });
  assert.is(l.capacity(), logCapacity(40 * 1024, 14_210).records);
  assert.ok(storage.getFree() >= RESERVE_AFTER_BYTES, `free ${storage.getFree()}`);
  storage.write('waygo.cfg', new Uint8Array(64).fill(3));
  for (let output = 0; output < 4; output++) storage.write('waygo.win' + output, new Uint8Array(56).fill(4));
  storage.write('waygo.keys', new Uint8Array(106).fill(5));
  assert.is(storage.getStats().trashBytes > 0, true, 'the old key file is trash until a compaction');
});

capacity.run();
