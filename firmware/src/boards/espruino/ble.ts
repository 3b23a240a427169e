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
 * Offers only the WayGo service: `uart: false` removes the Nordic UART REPL, so nothing can log in or write code
 * over the air (install mode is a separate, physical-presence path). The advertised name carries no box id.
 */
export function serveBle(link: BleLinkOptions): void {
  NRF.setServices(characteristics(link), { uart: false, advertise: [GATT.SERVICE] });
  NRF.setAdvertising({}, { name: 'WayGo', connectable: true });
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
