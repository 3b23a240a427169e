import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { toHex } from '../../../shared/bytes/index.ts';
import { ERR, MSG, STATUS, encodeMessage } from '../../../shared/protocol/index.ts';
import { boards } from '../../../tools/build/index.ts';
import { EspruinoStorage, Flash } from '../../../tools/simulator/storage.ts';
import type { BoardData } from '../../../firmware/src/core/board.ts';
import type { BoxKeys } from '../../../shared/protocol/index.ts';
import { Wallet, bootBox, newKeys, provisionedFlash, readLog, readWholeLog } from './harness.ts';
import { testOn } from './known-bugs.ts';
import { planTxnId, visit } from './visits.ts';

// The transaction log through the BUILT bundle: receipts name their record, a POS reads records the cloud can
// verify, and neither a reset nor a power cut at a flash write loses a record a receipt acknowledged.
// `make test` cuts at a seeded sample of the Storage calls (write, erase, compact) made by visits that cross a
// segment boundary and the log's wrap; WAYGO_SOAK=1 cuts at the first, middle and last byte of every one.

const SOAK = process.env.WAYGO_SOAK === '1';
const log = suite('log end to end');

for (const board of boards) {
  testOn(log, board.id, ['log'], `${board.id}: receipts carry increasing logSeq and a POS reads those records with MACs the cloud verifies`, () => {
    const keys = newKeys(5);
    const { box } = bootBox(board, keys);
    const receipts = [0, 1, 2, 3, 4].map((i) => visit(box, keys, planTxnId(1, i), 100 + i)!);
    const seqs = receipts.map((r) => r.fields.logSeq as number);
    assert.equal(receipts.map((r) => r.fields.status), [0, 0, 0, 0, 0].map(() => STATUS.OK));
    for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, `logSeq ${seqs.join(',')}`);
    const pos = new Wallet(box, keys);
    const read = readLog(pos, seqs[0]!, 10);
    assert.ok(read.macsOk, 'every record MAC verifies with macKey');
    assert.equal(read.records.map((r) => [r.seq, toHex(r.txnId as Uint8Array), r.amount]), receipts.map((r, i) => [seqs[i], toHex(r.fields.txnId as Uint8Array), 100 + i]));
  });

  testOn(log, board.id, ['log'], `${board.id}: a LOG_READ without a challenge is NO_CHALLENGE and one proved with a key other than posKey is LOG_PROOF_BAD`, () => {
    const keys = newKeys(6);
    const { box } = bootBox(board, keys);
    const pos = new Wallet(box, keys);
    assert.is(pos.request(encodeMessage(MSG.LOG_READ, { fromSeq: 0, count: 1, proof: new Uint8Array(16) })).fields.code, ERR.NO_CHALLENGE);
    assert.is(readLog(pos, 0, 1, nodeCrypto.randomBytes(32)).reply.fields.code, ERR.LOG_PROOF_BAD);
  });

  testOn(log, board.id, ['log'], `${board.id}: after a reset the log, its next seq and the HELLO counter carry on`, () => {
    const keys = newKeys(7);
    const { box } = bootBox(board, keys);
    const before = [0, 1, 2].map((i) => visit(box, keys, planTxnId(2, i))!);
    box.reset();
    const wallet = new Wallet(box, keys);
    assert.is(wallet.hello().fields.counter, before[2]!.fields.counter);
    assert.equal(readWholeLog(wallet).records.map((r) => r.seq), before.map((r) => r.fields.logSeq));
    wallet.close();
    const after = visit(box, keys, planTxnId(2, 3))!;
    assert.equal([after.fields.logSeq, after.fields.counter], [(before[2]!.fields.logSeq as number) + 1, (before[2]!.fields.counter as number) + 1]);
  });

  testOn(log, board.id, ['log'], `${board.id}: a power cut at ${SOAK ? 'every' : 'a seeded sample of'} flash writes across a segment boundary and the wrap loses no acknowledged record and the box boots and logs on`, () => {
    powerCuts(board);
  });
}

interface Call { from: number; to: number }

/** Storage that notes the flash events each call made: the places a cut can land. */
class TracedStorage extends EspruinoStorage {
  calls: Call[] = [];
  private traced<T>(run: () => T): T {
    const from = this.flash.events;
    try {
      return run();
    } finally {
      if (this.flash.events > from) this.calls.push({ from, to: this.flash.events });
    }
  }
  override write(...args: Parameters<EspruinoStorage['write']>): boolean {
    return this.traced(() => super.write(...args));
  }
  override erase(name: string): void {
    this.traced(() => super.erase(name));
  }
  override compact(): void {
    this.traced(() => super.compact());
  }
}

function powerCuts(board: BoardData): void {
  const keys = newKeys(8);
  // Fill the log to three records before its wrap: the visits below cross the last segment's end and recycle.
  const base = bootBox(board, keys, provisionedFlash(board, keys));
  const first = new Wallet(base.box, keys);
  const info = first.request(encodeMessage(MSG.INFO_REQUEST, {})).fields;
  first.close();
  const before = (info.logCapacity as number) + 78 - 3;
  for (let i = 0; i < before; i++) visit(base.box, keys, planTxnId(3, i));
  const plan = Array.from({ length: 6 }, (_, i) => planTxnId(4, i));

  const dry = new TracedStorage(new Flash({ size: board.storageBytes, bytes: base.storage.flash.bytes }));
  const dryBox = bootBox(board, keys, dry).box;
  dry.calls = [];
  for (const txnId of plan) visit(dryBox, keys, txnId);
  const cuts = cutPoints(dry.calls);
  assert.ok(cuts.length > 0 && dry.calls.some((c) => c.to - c.from >= 4096), 'the visits include a page erase or copy');

  for (const cut of cuts) {
    const flash = new Flash({ size: board.storageBytes, bytes: base.storage.flash.bytes });
    flash.cutBefore(cut);
    const { box } = bootBox(board, keys, flash);
    const acked: { seq: number; txnId: string }[] = [];
    for (const txnId of plan) {
      if (flash.isDead()) break;
      const receipt = visit(box, keys, txnId);
      if (receipt?.type === MSG.RECEIPT && receipt.fields.status === STATUS.OK) acked.push({ seq: receipt.fields.logSeq as number, txnId: toHex(txnId) });
    }
    assert.ok(flash.isDead(), `the cut before event ${cut} happened`);
    checkAfterCut(board, keys, flash.reboot(), acked, cut);
  }
}

/** Events to cut before: a seeded sample of calls (one event inside each), or in the soak the first, middle and last event of every call. */
function cutPoints(calls: Call[]): number[] {
  if (SOAK) return calls.flatMap((c) => [c.from, (c.from + c.to) >> 1, c.to - 1]);
  let seed = 0x2545f491;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const picked: number[] = [];
  for (let i = 0; i < 10; i++) {
    const call = calls[Math.floor(random() * calls.length)]!;
    picked.push(call.from + Math.floor(random() * (call.to - call.from)));
  }
  // Always the largest call (the wrap's compaction), cut halfway.
  const largest = calls.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
  picked.push((largest.from + largest.to) >> 1);
  return picked;
}

function checkAfterCut(board: BoardData, keys: BoxKeys, flash: Flash, acked: { seq: number; txnId: string }[], cut: number): void {
  const { box } = bootBox(board, keys, flash, 2);
  const pos = new Wallet(box, keys);
  const { records, macsOk } = readWholeLog(pos);
  const where = `cut before event ${cut}`;
  assert.ok(macsOk, `${where}: every record MAC verifies`);
  const seqs = records.map((r) => r.seq as number);
  for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, `${where}: seqs increase`);
  for (const a of acked) {
    const found = records.find((r) => r.seq === a.seq);
    assert.is(found && toHex(found.txnId as Uint8Array), a.txnId, `${where}: acknowledged record ${a.seq} is readable`);
  }
  pos.close();
  const next = visit(box, keys, planTxnId(5, cut));
  assert.is(next?.fields.status, STATUS.OK, `${where}: the box logs on`);
  assert.ok((next!.fields.logSeq as number) > Math.max(0, ...seqs), `${where}: the next seq follows the log`);
  assert.equal(box.errors, [], `${where}: no uncaught error after the reboot`);
}

log.run();
