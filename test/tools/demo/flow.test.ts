import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runPaymentFlow } from '../../../tools/demo/flow.ts';

const flow = suite('runPaymentFlow');

flow('carries a payment from the cloud through 20-byte chunks to the box and back as a verified receipt', () => {
  const steps = runPaymentFlow(new Uint8Array(8).fill(1), 5000, 901);
  assert.ok(steps.some((s) => s.actor === 'box' && s.what.startsWith('opened it: 5000 minor units')));
  assert.ok(steps.some((s) => s.actor === 'cloud' && s.what.startsWith('verified the box receipt')));
});

flow('ends with the box refusing the replayed telegram because its one-time IV is gone', () => {
  const steps = runPaymentFlow(new Uint8Array(8).fill(2), 100, 978);
  assert.is(steps.at(-1)!.what, 'refused the same telegram replayed: NO_IV');
});

flow.run();
