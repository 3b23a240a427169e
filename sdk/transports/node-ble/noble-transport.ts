// Node BLE through @abandonware/noble (Linux BlueZ/HCI, macOS CoreBluetooth, Windows WinRT). The package is an
// optional dependency with native parts: it is loaded only when this transport is first used, and its absence
// is reported as `bluetooth_off` with the install command, never as a crash at import time.
import { ADV_COMPANY_ID, GATT } from '../../../shared/protocol/index.ts';
import { WalletError } from '../../errors.ts';
import type { Connection, ScanResult, Transport } from '../types.ts';
import type { Noble, NobleCharacteristic, NoblePeripheral } from './noble-types.ts';

export interface NobleTransportOptions {
  /** A noble instance (tests pass a fake); by default `@abandonware/noble` is imported on first use. */
  noble?: Noble;
  /** How long to wait for the adapter to power on (default 3000 ms). */
  powerOnMs?: number;
}

/** Noble writes 128-bit UUIDs lower case without dashes. */
const bare = (uuid: string) => uuid.replace(/-/g, '').toLowerCase();
const PACKAGE = '@abandonware/noble';

async function loadNoble(): Promise<Noble> {
  try {
    const name = PACKAGE;
    const mod = (await import(name)) as { default?: Noble } & Noble;
    return mod.default ?? mod;
  } catch (error) {
    // Not installed, native part not built, or no Bluetooth socket on this machine (EAFNOSUPPORT in containers).
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown';
    throw new WalletError('bluetooth_off', `Node BLE could not start ${PACKAGE} (${reason}); it is an optional package: npm install ${PACKAGE}`);
  }
}

async function poweredOn(noble: Noble, waitMs: number): Promise<void> {
  if (noble.state === 'poweredOn') return;
  const state = await new Promise<string>((resolve) => {
    // 'unknown' and 'resetting' are on the way to a settled state; any other state settles the wait.
    const changed = (s: string) => {
      if (s !== 'unknown' && s !== 'resetting') finish(s);
    };
    const finish = (s: string) => {
      clearTimeout(timer);
      noble.removeListener('stateChange', changed);
      resolve(s);
    };
    const timer = setTimeout(() => finish(noble.state), waitMs);
    noble.on('stateChange', changed);
  });
  if (state !== 'poweredOn') throw new WalletError('bluetooth_off', `the Bluetooth adapter is ${state}`);
}

/** The manufacturer data noble reports starts with the company id, little-endian: keep the WayGo part. */
function wayGoData(data: Uint8Array | undefined): Uint8Array | undefined {
  if (data === undefined || data.length < 3) return undefined;
  if (data[0] !== (ADV_COMPANY_ID & 0xff) || data[1] !== ADV_COMPANY_ID >> 8) return undefined;
  return new Uint8Array(data.subarray(2));
}

export function createNobleTransport(options: NobleTransportOptions = {}): Transport {
  let noble: Noble | undefined = options.noble;
  const seen: Record<string, NoblePeripheral> = {};

  async function ready(): Promise<Noble> {
    noble ??= await loadNoble();
    await poweredOn(noble, options.powerOnMs ?? 3000);
    return noble;
  }

  return {
    name: 'noble',
    async scan({ timeoutMs }) {
      const radio = await ready();
      const results: ScanResult[] = [];
      const onDiscover = (peripheral: NoblePeripheral) => {
        const data = wayGoData(peripheral.advertisement.manufacturerData);
        if (data === undefined) return;
        seen[peripheral.id] = peripheral;
        results.push({ id: peripheral.id, rssi: peripheral.rssi, manufacturerData: data });
      };
      radio.on('discover', onDiscover);
      // No service filter: the WayGo service UUID travels in the scan response, the manufacturer data in the
      // advertisement, and a filter would drop advertisements seen before their scan response.
      await radio.startScanningAsync([], true);
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
      await radio.stopScanningAsync();
      radio.removeListener('discover', onDiscover);
      return results;
    },
    async connect(id, { timeoutMs }) {
      const peripheral = seen[id];
      if (peripheral === undefined) throw new WalletError('box_not_found', 'the box was not seen by a scan');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new WalletError('timeout', `connecting took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([peripheral.connectAsync(), timeout]);
        const found = await Promise.race([
          peripheral.discoverSomeServicesAndCharacteristicsAsync([bare(GATT.SERVICE)], [bare(GATT.WALLET_TO_BOX), bare(GATT.BOX_TO_WALLET)]), timeout,
        ]);
        const toBox = found.characteristics.find((c) => c.uuid === bare(GATT.WALLET_TO_BOX));
        const fromBox = found.characteristics.find((c) => c.uuid === bare(GATT.BOX_TO_WALLET));
        if (toBox === undefined || fromBox === undefined) {
          await peripheral.disconnectAsync();
          throw new WalletError('protocol_error', 'the device does not offer the WayGo service');
        }
        await fromBox.subscribeAsync();
        return nobleConnection(peripheral, toBox, fromBox);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function nobleConnection(peripheral: NoblePeripheral, toBox: NobleCharacteristic, fromBox: NobleCharacteristic): Connection {
  const listeners: ((chunk: Uint8Array) => void)[] = [];
  const closed: (() => void)[] = [];
  let connected = true;
  fromBox.on('data', (data) => {
    for (const listener of listeners) listener(new Uint8Array(data));
  });
  peripheral.once('disconnect', () => {
    connected = false;
    for (const listener of closed) listener();
  });
  return {
    chunkSize: Math.max(20, Math.min(244, (peripheral.mtu ?? 23) - 3)),
    get connected() {
      return connected;
    },
    async write(chunk) {
      try {
        await toBox.writeAsync(chunk, true);
      } catch {
        throw new WalletError('link_lost', 'a write to the box failed');
      }
    },
    onNotification: (listener) => void listeners.push(listener),
    onDisconnect: (listener) => void closed.push(listener),
    async close() {
      if (connected) await peripheral.disconnectAsync().catch(() => undefined);
      connected = false;
    },
  };
}
