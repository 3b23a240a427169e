// Web Bluetooth (Chrome, Edge, Android WebView with the flag, Bluefy on iOS). A page may only connect to a device
// the user picked in the browser's chooser; scanning for advertisements (requestLEScan) is still behind a flag
// in most browsers, so scan() uses it when present and otherwise lets the user pick one WayGo box.
import { ADV_COMPANY_ID, GATT } from '../../shared/protocol/index.ts';
import { WalletError } from '../errors.ts';
import type { Connection, ScanResult, Transport } from './types.ts';

// The slice of the Web Bluetooth API used here (the DOM typings are not part of this build).
interface BtCharacteristic extends EventTarget {
  value?: DataView;
  startNotifications(): Promise<BtCharacteristic>;
  writeValueWithoutResponse(data: Uint8Array): Promise<void>;
}
interface BtServer {
  connected: boolean;
  connect(): Promise<BtServer>;
  disconnect(): void;
  getPrimaryService(uuid: string): Promise<{ getCharacteristic(uuid: string): Promise<BtCharacteristic> }>;
}
interface BtDevice extends EventTarget {
  id: string;
  gatt?: BtServer;
}
interface BtAdvertisementEvent {
  device: BtDevice;
  rssi?: number;
  manufacturerData?: { get(company: number): DataView | undefined };
}
interface BtScan {
  stop(): void;
}
interface Bluetooth extends EventTarget {
  getAvailability?(): Promise<boolean>;
  requestDevice(options: unknown): Promise<BtDevice>;
  requestLEScan?(options: unknown): Promise<BtScan>;
}

function bluetooth(): Bluetooth {
  const nav = (globalThis as { navigator?: { bluetooth?: Bluetooth } }).navigator;
  if (nav?.bluetooth === undefined) throw new WalletError('bluetooth_off', 'this browser offers no Web Bluetooth');
  return nav.bluetooth;
}

function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

export function createWebBluetoothTransport(): Transport {
  const devices: Record<string, BtDevice> = {};

  async function scan(timeoutMs: number): Promise<ScanResult[]> {
    const bt = bluetooth();
    if (bt.getAvailability !== undefined && !(await bt.getAvailability())) throw new WalletError('bluetooth_off', 'Bluetooth is off or absent');
    const results: ScanResult[] = [];
    if (bt.requestLEScan !== undefined) {
      const listener = (event: Event) => {
        const ad = event as unknown as BtAdvertisementEvent;
        const data = ad.manufacturerData?.get(ADV_COMPANY_ID);
        if (data === undefined) return;
        devices[ad.device.id] = ad.device;
        results.push({ id: ad.device.id, rssi: ad.rssi ?? Number.NaN, manufacturerData: bytesOf(data) });
      };
      bt.addEventListener('advertisementreceived', listener);
      const scanning = await bt.requestLEScan({ filters: [{ manufacturerData: [{ companyIdentifier: ADV_COMPANY_ID }] }], keepRepeatedDevices: true });
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
      scanning.stop();
      bt.removeEventListener('advertisementreceived', listener);
      return results;
    }
    const device = await bt.requestDevice({
      filters: [{ services: [GATT.SERVICE] }, { manufacturerData: [{ companyIdentifier: ADV_COMPANY_ID }] }], optionalServices: [GATT.SERVICE],
      optionalManufacturerData: [ADV_COMPANY_ID],
    }).catch(() => undefined);
    if (device === undefined) return results;
    devices[device.id] = device;
    // Without a scan API the advertisement is not readable: an all-zero id, which only connect() needs.
    results.push({ id: device.id, rssi: Number.NaN, manufacturerData: new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });
    return results;
  }

  async function connect(id: string, timeoutMs: number): Promise<Connection> {
    const device = devices[id];
    if (device?.gatt === undefined) throw new WalletError('box_not_found', 'the box was not found by a scan on this page');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WalletError('timeout', `connecting took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const server = await Promise.race([device.gatt.connect(), timeout]);
      const service = await Promise.race([server.getPrimaryService(GATT.SERVICE), timeout]);
      const toBox = await service.getCharacteristic(GATT.WALLET_TO_BOX);
      const fromBox = await service.getCharacteristic(GATT.BOX_TO_WALLET);
      await fromBox.startNotifications();
      return gattConnection(device, server, toBox, fromBox);
    } finally {
      clearTimeout(timer);
    }
  }

  return { name: 'web-bluetooth', scan: (o) => scan(o.timeoutMs), connect: (id, o) => connect(id, o.timeoutMs) };
}

function gattConnection(device: BtDevice, server: BtServer, toBox: BtCharacteristic, fromBox: BtCharacteristic): Connection {
  const listeners: ((chunk: Uint8Array) => void)[] = [];
  const closed: (() => void)[] = [];
  fromBox.addEventListener('characteristicvaluechanged', () => {
    if (fromBox.value !== undefined) for (const listener of listeners) listener(bytesOf(fromBox.value));
  });
  device.addEventListener('gattserverdisconnected', () => {
    for (const listener of closed) listener();
  });
  return {
    // Web Bluetooth does not tell the negotiated MTU: 20-byte chunks are what every link carries.
    chunkSize: 20,
    get connected() {
      return server.connected;
    },
    async write(chunk) {
      try {
        await toBox.writeValueWithoutResponse(chunk);
      } catch {
        throw new WalletError('link_lost', 'a write to the box failed');
      }
    },
    onNotification: (listener) => void listeners.push(listener),
    onDisconnect: (listener) => void closed.push(listener),
    close() {
      if (server.connected) server.disconnect();
      return Promise.resolve();
    },
  };
}
