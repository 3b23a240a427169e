import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeAdvertising } from '../../../shared/protocol/index.ts';
import { createSimulatedTransport, isWalletError, type SimBox, type SimLink } from '../../../sdk/index.ts';

// The simulated transport against a fake box that echoes every chunk: the modelled connection interval, the
// injected link loss and the scan of the box's latest advertisement.
const simulated = suite('createSimulatedTransport');

function echoBox(): SimBox & { advertising: { options: unknown }[]; links: SimLink[] } {
  const links: SimLink[] = [];
  const advertising: { options: unknown }[] = [];
  return {
    links, advertising, ble: { advertising },
    advance: () => undefined,
    connect(options) {
      const link: SimLink = {
        mtu: options?.mtu ?? 23, connected: true, notifications: [],
        write: (chunk) => void link.notifications.push(new Uint8Array(chunk)),
        disconnect: () => void (link.connected = false),
      };
      links.push(link);
      return link;
    },
  };
}

simulated('a reply reaches the wallet one modelled round trip after the write, on the virtual clock', async () => {
  const transport = createSimulatedTransport({ roundTripMs: 30, stepMs: 5 });
  transport.addBox('box', echoBox());
  const connection = await transport.connect('box', { timeoutMs: 100 });
  const heard: number[] = [];
  connection.onNotification(() => heard.push(transport.clock.now()));
  await connection.write(new Uint8Array([0xc0, 0, 1, 1, 4]));
  transport.advance(25);
  assert.equal(heard, []);
  transport.advance(10);
  assert.equal(heard, [30]);
  assert.is(connection.chunkSize, 20);
});

simulated('a fault on a write drops the link: the write is link_lost and disconnect listeners run', async () => {
  const transport = createSimulatedTransport({ fault: (e) => e.direction === 'write' && e.messageType === 6 });
  const box = echoBox();
  transport.addBox('box', box);
  const connection = await transport.connect('box', { timeoutMs: 100 });
  let dropped = false;
  connection.onDisconnect(() => (dropped = true));
  await connection.write(new Uint8Array([0xc0, 0, 1, 1, 4]));
  try {
    await connection.write(new Uint8Array([0xc0, 0, 1, 1, 6]));
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'link_lost'));
  }
  assert.ok(dropped);
  assert.not.ok(connection.connected);
  assert.not.ok(box.links[0]!.connected, 'the box saw the link end');
});

simulated('a scan reports each box\'s latest manufacturer data at its rssi; an unknown name is box_not_found', async () => {
  const transport = createSimulatedTransport();
  const box = echoBox();
  const ad = encodeAdvertising({ flags: 1, advId: new Uint8Array(8).fill(5) });
  box.advertising.push({ options: { manufacturerData: [0] } }, { options: { manufacturerData: [...ad] } });
  transport.addBox('box', box, -61);
  transport.addBox('silent', echoBox());
  assert.equal(await transport.scan({ timeoutMs: 10 }), [{ id: 'box', rssi: -61, manufacturerData: ad }]);
  try {
    await transport.connect('nobody', { timeoutMs: 10 });
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'box_not_found'));
  }
});

simulated.run();
