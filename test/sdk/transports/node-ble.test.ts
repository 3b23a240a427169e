import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EventEmitter } from 'node:events';
import { GATT, encodeAdvertising } from '../../../shared/protocol/index.ts';
import { createNobleTransport, isWalletError, type Noble, type NobleCharacteristic, type NoblePeripheral } from '../../../sdk/index.ts';

// There is no BLE radio here: these tests drive the transport through a fake noble with the package's API
// shape. They prove the scan filter, the GATT lookup, writes, notifications and the power-state errors; they
// cannot prove the real stack's behaviour on an adapter.
const nobleTransport = suite('createNobleTransport');
const bare = (uuid: string) => uuid.replace(/-/g, '');

function fakeNoble(state: string, peripherals: NoblePeripheral[]): Noble & EventEmitter {
  const noble = new EventEmitter() as EventEmitter & Noble;
  noble.state = state;
  noble.startScanningAsync = async () => {
    for (const p of peripherals) noble.emit('discover', p);
  };
  noble.stopScanningAsync = async () => undefined;
  return noble;
}

function fakePeripheral(id: string, manufacturerData: Uint8Array, mtu = 53) {
  const written: Uint8Array[] = [];
  const toBox = { uuid: bare(GATT.WALLET_TO_BOX), writeAsync: async (d: Uint8Array) => void written.push(d), subscribeAsync: async () => undefined, on: () => undefined };
  const fromBox = Object.assign(new EventEmitter(), { uuid: bare(GATT.BOX_TO_WALLET), writeAsync: async () => undefined, subscribeAsync: async () => undefined });
  const peripheral = Object.assign(new EventEmitter(), {
    id, rssi: -55, mtu, state: 'disconnected', advertisement: { manufacturerData },
    connectAsync: async () => undefined, disconnectAsync: async () => void peripheral.emit('disconnect'),
    discoverSomeServicesAndCharacteristicsAsync: async () => ({ characteristics: [toBox as NobleCharacteristic, fromBox as unknown as NobleCharacteristic] }),
  });
  return { peripheral: peripheral as unknown as NoblePeripheral, written, fromBox };
}

const wayGo = (b: number) => new Uint8Array([0xff, 0xff, ...encodeAdvertising({ flags: 1, advId: new Uint8Array(8).fill(b) })]);

nobleTransport('a scan keeps WayGo manufacturer data (company id 0xFFFF stripped) and drops other devices', async () => {
  const box = fakePeripheral('box-1', wayGo(3));
  const other = fakePeripheral('phone', new Uint8Array([0x4c, 0x00, 1, 2, 3]));
  const transport = createNobleTransport({ noble: fakeNoble('poweredOn', [box.peripheral, other.peripheral]) });
  const results = await transport.scan({ timeoutMs: 1 });
  assert.equal(results.map((r) => [r.id, r.manufacturerData.length, r.rssi]), [['box-1', 10, -55]]);
});

nobleTransport('connecting finds the two WayGo characteristics, writes chunks without response and relays notifications', async () => {
  const box = fakePeripheral('box-1', wayGo(3));
  const transport = createNobleTransport({ noble: fakeNoble('poweredOn', [box.peripheral]) });
  await transport.scan({ timeoutMs: 1 });
  const connection = await transport.connect('box-1', { timeoutMs: 100 });
  assert.is(connection.chunkSize, 50, 'MTU 53 − 3');
  const heard: number[][] = [];
  connection.onNotification((c) => heard.push([...c]));
  await connection.write(new Uint8Array([0xc0, 1, 2]));
  box.fromBox.emit('data', Buffer.from([9, 8]));
  assert.equal(box.written.map((w) => [...w]), [[0xc0, 1, 2]]);
  assert.equal(heard, [[9, 8]]);
  let closed = false;
  connection.onDisconnect(() => (closed = true));
  await connection.close();
  assert.ok(closed);
  assert.not.ok(connection.connected);
});

nobleTransport('a powered-off adapter is bluetooth_off', async () => {
  const transport = createNobleTransport({ noble: fakeNoble('poweredOff', []), powerOnMs: 5 });
  try {
    await transport.scan({ timeoutMs: 1 });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'bluetooth_off'));
    assert.match((error as Error).message, /poweredOff/);
  }
});

nobleTransport('connecting to a device no scan saw is box_not_found', async () => {
  const transport = createNobleTransport({ noble: fakeNoble('poweredOn', []) });
  try {
    await transport.connect('nobody', { timeoutMs: 10 });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'box_not_found'));
  }
});

nobleTransport.run();
