import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { toHex } from '../../../shared/bytes/index.ts';
import { FLAG, SCENARIO, encodeAdvertising } from '../../../shared/protocol/index.ts';
import { peripheralsFrom } from '../../../sdk/wallet/peripheral.ts';

const peripherals = suite('peripheralsFrom');

peripherals('any WayGo advertisement decodes to its id, state bits and scenario', () => {
  fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -100, max: -20 }), (advId, state, scenario, rssi) => {
    const flags = state | (scenario << FLAG.SCENARIO_SHIFT);
    const [p] = peripheralsFrom([{ id: 'a', rssi, manufacturerData: encodeAdvertising({ flags, advId }) }]);
    assert.equal(p, { id: 'a', rssi, advertisingId: toHex(advId), flags, scenario });
  }));
});

peripherals('other manufacturer data is ignored; one entry per handle, strongest reading, strongest box first', () => {
  const ad = (b: number) => encodeAdvertising({ flags: FLAG.ACTIVATED | (SCENARIO.PAY_BY_TIME << FLAG.SCENARIO_SHIFT), advId: new Uint8Array(8).fill(b) });
  const found = peripheralsFrom([
    { id: 'far', rssi: -90, manufacturerData: ad(1) },
    { id: 'near', rssi: -70, manufacturerData: ad(2) },
    { id: 'near', rssi: -45, manufacturerData: ad(2) },
    { id: 'beacon', rssi: -30, manufacturerData: new Uint8Array([2, 0, 0]) },
    { id: 'far', rssi: -95, manufacturerData: ad(1) },
  ]);
  assert.equal(found.map((p) => [p.id, p.rssi]), [['near', -45], ['far', -90]]);
});

peripherals.run();
