import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GATT } from '../../../shared/protocol/index.ts';
import { createWebBluetoothTransport, isWalletError } from '../../../sdk/index.ts';

// No browser here: a fake navigator.bluetooth with the Web Bluetooth API's shape stands in for one. These tests
// prove the chooser filter, the GATT lookup, writes and notifications, not a browser's own behaviour.
const web = suite('createWebBluetoothTransport');

function installFake() {
  const written: number[][] = [];
  const asked: unknown[] = [];
  const fromBox = Object.assign(new EventTarget(), {
    value: undefined as DataView | undefined,
    startNotifications: async () => fromBox,
    writeValueWithoutResponse: async () => undefined,
  });
  const toBox = Object.assign(new EventTarget(), { startNotifications: async () => toBox, writeValueWithoutResponse: async (d: Uint8Array) => void written.push([...d]) });
  const server = {
    connected: false,
    async connect() {
      server.connected = true;
      return server;
    },
    disconnect() {
      server.connected = false;
      device.dispatchEvent(new Event('gattserverdisconnected'));
    },
    async getPrimaryService(uuid: string) {
      asked.push(uuid);
      return { getCharacteristic: async (c: string) => (c === GATT.WALLET_TO_BOX ? toBox : fromBox) };
    },
  };
  const device = Object.assign(new EventTarget(), { id: 'dev-1', gatt: server });
  const requests: unknown[] = [];
  (globalThis as { navigator?: unknown }).navigator = { bluetooth: { requestDevice: async (o: unknown) => (requests.push(o), device), addEventListener() {}, removeEventListener() {} } };
  return { written, fromBox, requests, asked };
}

web.after(() => {
  delete (globalThis as { navigator?: unknown }).navigator;
});

web('without requestLEScan, the chooser is asked for the WayGo service and the picked box can be connected', async () => {
  const fake = installFake();
  const transport = createWebBluetoothTransport();
  const [found] = await transport.scan({ timeoutMs: 10 });
  assert.is(found!.id, 'dev-1');
  assert.match(JSON.stringify(fake.requests[0]), GATT.SERVICE);
  const connection = await transport.connect('dev-1', { timeoutMs: 100 });
  assert.equal(fake.asked, [GATT.SERVICE]);
  const heard: number[][] = [];
  connection.onNotification((c) => heard.push([...c]));
  await connection.write(new Uint8Array([0xc0, 5]));
  fake.fromBox.value = new DataView(new Uint8Array([1, 2, 3]).buffer);
  fake.fromBox.dispatchEvent(new Event('characteristicvaluechanged'));
  assert.equal(fake.written, [[0xc0, 5]]);
  assert.equal(heard, [[1, 2, 3]]);
  let closed = false;
  connection.onDisconnect(() => (closed = true));
  await connection.close();
  assert.ok(closed);
});

web('a browser without Web Bluetooth is bluetooth_off', async () => {
  delete (globalThis as { navigator?: unknown }).navigator;
  try {
    await createWebBluetoothTransport().scan({ timeoutMs: 1 });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'bluetooth_off'));
  }
});

web.run();
