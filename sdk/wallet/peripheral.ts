// A WayGo box as a scan shows it: the rotating advertising id (only the cloud can map it to a box), its state
// bits and its signal strength.
import { toHex } from '../../shared/bytes/hex.ts';
import { FLAG, decodeAdvertising } from '../../shared/protocol/index.ts';
import type { ScanResult } from '../transports/types.ts';

export interface Peripheral {
  /** The transport's handle for connecting. */
  id: string;
  /** dBm, NaN when unknown. */
  rssi: number;
  /** 16 hex digits; rotates every 15 minutes. */
  advertisingId: string;
  /** HELLO-style flags from the advertisement (ACTIVATED, BUSY, CLOCK_UNSET, BATTERY_LOW, scenario bits). */
  flags: number;
  /** SCENARIO code the box is configured for (0 = none). */
  scenario: number;
  /** The box id, once the cloud resolved the advertising id or the box said it in its HELLO. */
  boxId?: string;
}

/** The WayGo boxes among scan results, one per handle (strongest reading kept), strongest first. */
export function peripheralsFrom(results: ScanResult[]): Peripheral[] {
  const byId: Record<string, Peripheral> = {};
  for (const result of results) {
    const ad = decodeAdvertising(result.manufacturerData);
    if (typeof ad === 'number') continue;
    const known = byId[result.id];
    if (known !== undefined && !(result.rssi > known.rssi)) continue;
    byId[result.id] = {
      id: result.id, rssi: result.rssi, advertisingId: toHex(ad.advId), flags: ad.flags,
      scenario: (ad.flags & FLAG.SCENARIO_MASK) >> FLAG.SCENARIO_SHIFT,
    };
  }
  return Object.values(byId).sort((a, b) => (Number.isNaN(b.rssi) ? -200 : b.rssi) - (Number.isNaN(a.rssi) ? -200 : a.rssi));
}
