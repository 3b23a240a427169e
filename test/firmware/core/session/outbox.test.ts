import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createOutbox } from '../../../../firmware/src/core/session/outbox.ts';

const bytes = (n: number) => new Uint8Array([n]);
const outbox = suite('createOutbox');

outbox('sends at once while the radio has room', () => {
  const sent: number[] = [];
  const box = createOutbox((c) => (sent.push(c[0]!), true), 4);
  box.push([bytes(1), bytes(2)]);
  assert.equal(sent, [1, 2]);
  assert.is(box.size(), 0);
});

outbox('keeps what the radio refused, or threw on, and retries it first on drain', () => {
  const sent: number[] = [];
  let room = 1;
  const box = createOutbox((c) => {
    if (room === 0) throw new Error('no tx buffers');
    room--;
    sent.push(c[0]!);
    return true;
  }, 4);
  box.push([bytes(1), bytes(2), bytes(3)]);
  assert.equal(sent, [1]);
  room = 5;
  box.drain();
  assert.equal(sent, [1, 2, 3]);
});

outbox('drops a whole reply that does not fit the bound', () => {
  const box = createOutbox(() => false, 3);
  box.push([bytes(1), bytes(2)]);
  box.push([bytes(3), bytes(4)]);
  assert.is(box.size(), 2);
  box.clear();
  assert.is(box.size(), 0);
});

outbox.run();
