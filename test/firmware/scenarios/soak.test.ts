import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MSG, SCENARIO, STATUS, encodeMessage } from '../../../shared/protocol/index.ts';
import { boards } from '../../../tools/build/index.ts';
import { Wallet, bootBox, configuredBox, newKeys, readWholeLog } from './harness.ts';
import { testOn } from './known-bugs.ts';
import { planTxnId, visit } from './visits.ts';

// Long runs on each BUILT bundle: `make test` 50 transactions per board, WAYGO_SOAK=1 1,000 (the log wraps
// several times). Memory here is Storage only: the simulator runs the bundle in Node, which has no JsVar heap,
// so process.memory() is absent and JsVars are measured on the interpreter (make bench, make test-espruino).

const RUNS = process.env.WAYGO_SOAK === '1' ? 1000 : 50;
const soak = suite('soak');

for (const board of boards) {
  testOn(soak, board.id, ['config'], `${board.id}: ${RUNS} pay-by-count payments, one visit each, all OK with one pulse each and no uncaught error`, () => {
    const { box, storage, keys, wallet } = configuredBox(board, { scenario: SCENARIO.PAY_BY_COUNT, unitPrice: 10, pulseMs: 20, gapMs: 20, pulsesPerUnit: 1 });
    wallet.close();
    const out = board.pins.outputs[0]!;
    const pulsesBefore = box.pinTrace.filter((e) => e.pin === out && e.level === 1).length;
    let ok = 0;
    for (let i = 0; i < RUNS; i++) {
      const visitor = new Wallet(box, keys).open();
      if (visitor.pay({ scenario: SCENARIO.PAY_BY_COUNT, amount: 10, units: 1 }).fields.status === STATUS.OK) ok++;
      visitor.close();
      box.advance(100);
    }
    const info = new Wallet(box, keys).request(encodeMessage(MSG.INFO_REQUEST, {})).fields;
    console.log(`${board.id} soak: ${ok}/${RUNS} payments OK, log ${String(info.logCount)}/${String(info.logCapacity)}, Storage ${JSON.stringify(storage.getStats())}`);
    assert.is(ok, RUNS);
    assert.is(box.pinTrace.filter((e) => e.pin === out && e.level === 1).length - pulsesBefore, RUNS);
    assert.equal(box.errors, []);
  });

  testOn(soak, board.id, ['log'], `${board.id}: ${RUNS} logged transactions keep seqs increasing, wrap the log ${RUNS === 1000 ? 'several times' : 'when full'} and leave every kept record verifiable`, () => {
    const keys = newKeys(11);
    const { box, storage } = bootBox(board, keys);
    let last = 0;
    for (let i = 0; i < RUNS; i++) {
      const receipt = visit(box, keys, planTxnId(9, i))!;
      assert.is(receipt.fields.status, STATUS.OK);
      assert.ok((receipt.fields.logSeq as number) > last);
      last = receipt.fields.logSeq as number;
    }
    const { records, macsOk } = readWholeLog(new Wallet(box, keys));
    const erases = storage.flash.erases.join(' ');
    console.log(`${board.id} log soak: ${RUNS} transactions, ${records.length} records readable (last seq ${last}), page erases ${erases}, Storage ${JSON.stringify(storage.getStats())}, auto-compactions ${storage.autoCompactions}`);
    assert.ok(macsOk);
    assert.is(records.at(-1)!.seq, last);
    assert.is(storage.autoCompactions, 0, 'the log compacts on its own terms');
    assert.equal(box.errors, []);
  });
}

soak.run();
