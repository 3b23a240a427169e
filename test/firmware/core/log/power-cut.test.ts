// A power cut before any flash event (byte programmed or page erased) of appends and segment recycling:
// after the reboot every committed record that the ring still has room for is there, intact and in order,
// openLog does not throw, and the log goes on. make test: a seeded sample; WAYGO_SOAK=1: every event.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EspruinoStorage, PowerCut } from '../../../../tools/simulator/storage.ts';
import { RECORD_SIZE } from '../../../../firmware/src/core/log/index.ts';
import { LABEL, LOG_RECORD_LAYOUT, checkTag, decodeFields } from '../../../../shared/protocol/index.ts';
import { nodeCrypto } from '../../../../shared/crypto/node.ts';
import { appendAll, boardStorage, fields, keys, open } from './log-harness.ts';

const shape = { segments: 4, recordsPerSegment: 3 };
const soak = process.env.WAYGO_SOAK === '1';
const RECORDS = soak ? 14 : 8;

function seqsOf(bytes: Uint8Array): number[] {
  const seqs: number[] = [];
  for (let at = 0; at < bytes.length; at += RECORD_SIZE) {
    assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.LOG, keys.boxId, bytes.subarray(at, at + RECORD_SIZE), 0), 'record MAC');
    seqs.push((decodeFields(LOG_RECORD_LAYOUT, bytes, at, at + RECORD_SIZE) as { seq: number }).seq);
  }
  return seqs;
}

/** Runs the scenario from the prepared image with a cut armed; returns the seqs committed before it. */
function runUntilCut(base: EspruinoStorage, cut: number | undefined): { storage: EspruinoStorage; committed: number[]; events: number } {
  const flash = base.flash.reboot();
  const storage = new EspruinoStorage(flash);
  flash.cutBefore(cut);
  const committed: number[] = [];
  try {
    const log = open(storage, shape);
    for (let n = 100; n < 100 + RECORDS; n++) {
      committed.push(log.append(fields(n)));
      log.maintain();
    }
  } catch (e) {
    // The log swallows a failed segment create; once the power is cut every later flash access fails too.
    if (!(e instanceof PowerCut) && !flash.isDead()) throw e;
  }
  return { storage, committed, events: flash.events };
}

function check(base: EspruinoStorage, cut: number, before: number[]): void {
  const { storage, committed } = runUntilCut(base, cut);
  const rebooted = new EspruinoStorage(storage.flash.reboot());
  const log = open(rebooted, shape);
  const seqs = seqsOf(log.read(0, 255));
  const all = before.concat(committed);
  const newest = all.length === 0 ? 0 : all[all.length - 1]!;
  // The ring keeps at least capacity() newest records; older ones may go with their segment.
  const kept = all.filter((s) => s > newest - log.capacity());
  for (const s of kept) assert.ok(seqs.includes(s), `cut ${cut}: committed seq ${s} lost (have ${seqs.join(',')})`);
  for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i]! > seqs[i - 1]!, `cut ${cut}: out of order`);
  // The torn record, if it made it, is complete (its MAC verified above) and the log goes on after it.
  const next = log.append(fields(999));
  assert.ok(next > Math.max(newest, ...seqs));
  assert.equal(log.findByTxn(fields(999).txnId)?.seq, next);
  const reopened = open(new EspruinoStorage(rebooted.flash.reboot()), shape);
  assert.ok(reopened.read(next, 1).length === RECORD_SIZE, `cut ${cut}: record after the reboot lost`);
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const cuts = suite('log power cuts');

cuts('no committed record is lost at any sampled cut through appends and recycling', () => {
  const base = boardStorage();
  const before = appendAll(open(base, shape), 0, 10);
  const total = runUntilCut(base, undefined).events;
  const points: number[] = [];
  if (soak) for (let c = 0; c < total; c++) points.push(c);
  else {
    for (let c = 0; c < 120; c++) points.push(c);
    const random = seeded(2024);
    for (let i = 0; i < 500; i++) points.push(Math.floor(random() * total));
  }
  for (const cut of points) check(base, cut, before);
  console.log(`power cuts checked: ${points.length} of ${total} flash events`);
});

cuts('a cut during the very first format still boots into a working log', () => {
  const base = boardStorage();
  const probe = new EspruinoStorage(base.flash.reboot());
  open(probe, shape);
  const total = probe.flash.events;
  const step = soak ? 1 : 97;
  for (let cut = 0; cut < total; cut += step) {
    const flash = base.flash.reboot();
    flash.cutBefore(cut);
    try {
      open(new EspruinoStorage(flash), shape);
    } catch (e) {
      if (!(e instanceof PowerCut) && !flash.isDead()) throw e;
    }
    const log = open(new EspruinoStorage(flash.reboot()), shape);
    assert.is(log.append(fields(1)), 1);
    assert.ok(log.capacity() >= (shape.segments - 1) * shape.recordsPerSegment, `cut ${cut}`);
  }
});

cuts.run();
