// Advertising vectors: the id, address and manufacturer data of the vector box in a clock-set and a
// clock-unset window.
import { toHex } from '../../shared/bytes/index.ts';
import { nodeCrypto } from '../../shared/crypto/node.ts';
import { FLAG, SCENARIO, advWindow, advertisingIdentity, encodeAdvertising } from '../../shared/protocol/index.ts';
import { keys } from './seeded.ts';

const cases = [
  { name: 'clock set, busy pay-by-time box', unixNow: 1_767_225_600, bootCount: 3, uptimeSeconds: 5000,
    flags: FLAG.ACTIVATED | FLAG.BUSY | (SCENARIO.PAY_BY_TIME << FLAG.SCENARIO_SHIFT) },
  { name: 'clock lost after a battery swap', unixNow: 0, bootCount: 4, uptimeSeconds: 1000,
    flags: FLAG.ACTIVATED | FLAG.CLOCK_UNSET | FLAG.BATTERY_LOW | (SCENARIO.MULTI_LOCKER << FLAG.SCENARIO_SHIFT) },
];

export function advertisingVectors() {
  return cases.map((c) => {
    const window = advWindow(c.unixNow, c.bootCount, c.uptimeSeconds);
    const { advId, address } = advertisingIdentity(nodeCrypto.hmacSha256, keys.macKey, window);
    return {
      ...c, window, advId: toHex(advId), address,
      manufacturerData: toHex(encodeAdvertising({ flags: c.flags, advId })),
    };
  });
}
