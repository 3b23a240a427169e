import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createRecentTxns } from '../../../firmware/src/core/index.ts';

const recent = suite('createRecentTxns');
const id = (n: number) => new Uint8Array(8).fill(n);

recent('finds an executed transaction by its id and returns its stored result', () => {
  const txns = createRecentTxns(4);
  txns.add(id(1), { seq: 0, time: 5, result: 1 });
  assert.equal(txns.find(id(1)), { seq: 0, time: 5, result: 1 });
  assert.is(txns.find(id(2)), undefined);
});

recent('keeps only the newest `size` transactions', () => {
  const txns = createRecentTxns(2);
  for (let n = 1; n <= 3; n++) txns.add(id(n), { seq: 0, time: n, result: 0 });
  assert.is(txns.find(id(1)), undefined);
  assert.is(txns.find(id(3))!.time, 3);
});

recent.run();
