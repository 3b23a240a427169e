import {
  ADV_COMPANY_ID, ADV_ID_SIZE, advSecondsLeft, advWindow, advertisingIdentity, encodeAdvertising, type Hmac,
} from '../../../../shared/protocol/advertising.ts';
import { GATT } from '../../../../shared/protocol/constants.ts';

/** What the BLE link hands to the session layer. */
export interface BleLinkOptions {
  onConnect(): void;
  onChunk(chunk: Uint8Array): void;
  onDisconnect(): void;
}

// One chunk per write or notification: 20 bytes until the phone raises the MTU, at most 50 on these boards.
const MAX_CHUNK = 50;

function characteristics(link: BleLinkOptions): Record<string, Record<string, EspruinoCharacteristic>> {
  const chars: Record<string, EspruinoCharacteristic> = {};
  chars[GATT.WALLET_TO_BOX] = {
    writable: true, maxLen: MAX_CHUNK, value: [0], onWrite: (event) => link.onChunk(new Uint8Array(event.data)),
  };
  chars[GATT.BOX_TO_WALLET] = { readable: true, notify: true, maxLen: MAX_CHUNK, value: [0] };
  const services: Record<string, Record<string, EspruinoCharacteristic>> = {};
  services[GATT.SERVICE] = chars;
  return services;
}

/**
 * Offers the WayGo service. In production `repl` is false: that removes the Nordic UART REPL, so nothing can log
 * in or write code over the air. Only install mode (physical presence, a few minutes) keeps the REPL for flashing.
 */
export function serveBle(link: BleLinkOptions, repl: boolean): void {
  NRF.setServices(characteristics(link), { uart: repl, advertise: [GATT.SERVICE] });
  NRF.on('connect', link.onConnect);
  NRF.on('disconnect', link.onDisconnect);
}

/** Notifies one chunk; false when the radio buffer is full (Espruino throws then), so the session retries. */
export function notifyChunk(chunk: Uint8Array): boolean {
  const update: Record<string, Record<string, EspruinoCharacteristic>> = {};
  update[GATT.SERVICE] = {};
  update[GATT.SERVICE]![GATT.BOX_TO_WALLET] = { value: chunk, notify: true };
  try {
    NRF.updateServices(update);
    return true;
  } catch {
    return false;
  }
}

/** What the advertisement is computed from. */
export interface AdvertiseState {
  hmac: Hmac;
  /** Undefined while unprovisioned: the box then has no identity to hide and advertises a zero id. */
  macKey: Uint8Array | undefined;
  /** HELLO-style flags (ACTIVATED, BUSY, CLOCK_UNSET, BATTERY_LOW, scenario). */
  flags: number;
  /** Wall clock, Unix seconds, 0 = unset. */
  unixNow: number;
  /** Boots so far, kept in Storage: with the clock unset it stands in for time. */
  bootCount: number;
  uptimeSeconds: number;
}

let lastAddress = '';

/**
 * Advertises the id and flags of the current window, in the advertising packet (flags AD 3 B, manufacturer data
 * 14 B, name 7 B); the 128-bit service UUID travels in the scan response (setServices `advertise`). The address
 * changes with the id; Espruino restarts its BLE stack for that, so only when it differs. Returns the
 * milliseconds until the window changes: call again then, and whenever the flags change.
 */
export function advertise(s: AdvertiseState): number {
  const w = advWindow(s.unixNow, s.bootCount, s.uptimeSeconds);
  let id: Uint8Array = new Uint8Array(ADV_ID_SIZE);
  if (s.macKey !== undefined) {
    const identity = advertisingIdentity(s.hmac, s.macKey, w);
    id = identity.advId;
    if (identity.address !== lastAddress) NRF.setAddress(identity.address);
    lastAddress = identity.address;
  }
  NRF.setAdvertising({}, {
    name: 'WayGo', connectable: true, manufacturer: ADV_COMPANY_ID, manufacturerData: encodeAdvertising({ flags: s.flags, advId: id }),
  });
  return advSecondsLeft(s.unixNow, s.uptimeSeconds) * 1000;
}
