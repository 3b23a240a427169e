import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MSG, STATUS } from '../../shared/protocol/index.ts';
import type { LinkEvent } from '../../sdk/index.ts';
import { scenarioBox } from './scenarios.ts';
import { cloudRows, machineActions, startWorld, type World } from './world.ts';

// The BLE link dropped at every step of a payment, once: pay() reconnects and retries under the same
// idempotency key. The acquirer charges once, the cloud holds one payment, and the crane gets its 4 pulses
// exactly once, also when the drop ate the RECEIPT after the machine ran (the box answers DUPLICATE).
const loss = suite('BLE link lost at each step');
const crane = scenarioBox('crane');
let world: World;
let dropAt: Pick<LinkEvent, 'direction' | 'messageType'> | undefined;

loss.before(async () => {
  world = await startWorld({
    boxes: ['crane'],
    transport: {
      fault(event) {
        if (dropAt === undefined || event.direction !== dropAt.direction || event.messageType !== dropAt.messageType) return false;
        dropAt = undefined;
        return true;
      },
    },
  });
});
loss.after(async () => {
  await world?.close();
});

const steps: [string, LinkEvent['direction'], number][] = [
  ['HELLO_REQUEST written', 'write', MSG.HELLO_REQUEST], ['HELLO received', 'notify', MSG.HELLO],
  ['AUTH written', 'write', MSG.AUTH], ['INFO received', 'notify', MSG.INFO],
  ['IV_REQUEST written', 'write', MSG.IV_REQUEST], ['IV received', 'notify', MSG.IV],
  ['TELEGRAM written', 'write', MSG.TELEGRAM], ['RECEIPT received (the machine already ran)', 'notify', MSG.RECEIPT],
];

for (const [step, direction, messageType] of steps) {
  loss(`link lost at "${step}": one charge, one payment, the machine runs once, Finish`, async () => {
    const b = world.boxes.crane!;
    const key = `loss-${messageType}-${direction}`;
    const chargesBefore = world.acquirer.ledger().length;
    const from = b.box.now();
    dropAt = { direction, messageType };
    const result = await world.wallet().pay({ boxId: crane.boxId, order: crane.order, idempotencyKey: key });
    world.transport.advance(1000);
    assert.is(dropAt, undefined, 'the drop happened');
    assert.is(result.stats.connections, 2);
    assert.is(result.outcome, 'ok');
    assert.is(result.payment.state, 'finish');
    assert.equal(machineActions(b, from), crane.action, 'two units of two pulses, once');
    const ledger = world.acquirer.ledger();
    assert.is(ledger.length, chargesBefore + 1, 'one charge at the acquirer');
    assert.ok(ledger.at(-1)!.charged);
    assert.is(cloudRows(world.dbPath, 'select id from payments where idempotency_key = ?', key).length, 1);
    if (messageType === MSG.RECEIPT) assert.is(result.receipt.status, STATUS.DUPLICATE, 'the box recognised the txnId');
  });
}

loss('a lost answer to POST /payments is recovered with the same key and body: no second charge', async () => {
  const b = world.boxes.crane!;
  let dropped = false;
  const keys: string[] = [];
  const lossyFetch: typeof fetch = async (input, init) => {
    const key = (init?.headers as Record<string, string> | undefined)?.['idempotency-key'];
    if (key !== undefined) keys.push(key);
    const res = await fetch(input, init);
    if (!dropped && String(input).endsWith('/v1/wallet/payments')) {
      dropped = true;
      throw new TypeError('fetch failed');
    }
    return res;
  };
  const chargesBefore = world.acquirer.ledger().length;
  const from = b.box.now();
  const result = await world.wallet({ fetch: lossyFetch }).pay({ boxId: crane.boxId, order: crane.order, idempotencyKey: 'lost-answer' });
  world.transport.advance(1000);
  assert.ok(dropped);
  assert.equal(keys, ['lost-answer', 'lost-answer'], 'the retry sent the same key');
  assert.is(result.payment.state, 'finish');
  assert.is(world.acquirer.ledger().length, chargesBefore + 1);
  assert.equal(machineActions(b, from), crane.action);
  assert.is(cloudRows(world.dbPath, 'select id from payments where idempotency_key = ?', 'lost-answer').length, 1);
});

loss.run();
