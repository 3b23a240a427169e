import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { STATUS } from '../../shared/protocol/index.ts';
import { SCENARIO_BOXES } from './scenarios.ts';
import { machineActions, startWorld, type World } from './world.ts';

// SDK ↔ simulated box (the built puckjs bundle) ↔ cloud over HTTP: pay() on every machine scenario.
const scenarios = suite('pay on every scenario');
let world: World;
scenarios.before(async () => {
  world = await startWorld();
});
scenarios.after(async () => {
  await world?.close();
});

for (const spec of SCENARIO_BOXES) {
  scenarios(`${spec.name}: pay() finds the box by its id, the machine acts once as paid and the payment reaches Finish`, async () => {
    const b = world.boxes[spec.name]!;
    const from = b.box.now();
    const result = await world.wallet().pay({ boxId: spec.boxId, order: spec.order });
    world.transport.advance(1000);
    assert.is(result.outcome, 'ok');
    assert.is(result.receipt.status, STATUS.OK);
    assert.is(result.payment.state, 'finish');
    assert.is(result.payment.boxId, spec.boxId);
    assert.equal(machineActions(b, from), spec.action);
    assert.is(result.stats.bleRoundTrips, 3, 'HELLO, AUTH + IV together, TELEGRAM');
    assert.is(result.stats.connections, 1);
  });
}

scenarios('a scanned peripheral pays with three cloud calls: session, payment, receipt', async () => {
  const wallet = world.wallet();
  const washer = (await wallet.discoverNearbySpecificPeripheral(SCENARIO_BOXES[0]!.boxId));
  const result = await wallet.pay({ peripheral: washer, order: SCENARIO_BOXES[0]!.order });
  assert.is(result.stats.cloudCalls, 3);
  assert.is(result.payment.state, 'finish');
});

scenarios('the strongest box in range at or above rssiMin is the one paid', async () => {
  const wallet = world.wallet();
  const nearest = await wallet.discoverNearbyPeripheralBySignalStrength(-60);
  assert.is(nearest.id, 'washer', 'the washer is placed at -40 dBm, the others weaker');
  const all = await wallet.discoverNearbyPeripherals();
  assert.is(all.length, SCENARIO_BOXES.length);
});

scenarios.run();
