import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERR, MSG, encodeMessage } from '../../../shared/protocol/index.ts';
import { BoxLink } from '../../../sdk/link/box-link.ts';
import { isWalletError } from '../../../sdk/index.ts';
import { manualClock, scriptedConnection } from '../fakes.ts';

const link = suite('BoxLink');
const iv = () => encodeMessage(MSG.IV, { iv: new Uint8Array(16).fill(7), ttlSeconds: 30 });
const info = () => encodeMessage(MSG.INFO, { boardId: 1, firmwareVersion: 1, configVersion: 1, battery: 100, logCount: 0, logCapacity: 10, clock: 0, flags: 1 });

link('a request frames the message, reassembles the reply and counts one round trip', async () => {
  const { connection } = scriptedConnection((type) => (type === MSG.IV_REQUEST ? [iv()] : undefined));
  const l = new BoxLink(connection, manualClock());
  const reply = await l.request(encodeMessage(MSG.IV_REQUEST, {}), 1000);
  assert.is(reply.type, MSG.IV);
  assert.equal(reply.bytes, iv());
  assert.is(l.stats.roundTrips, 1);
});

link('two messages written before waiting cost one round trip and their replies come in order', async () => {
  const { connection, written } = scriptedConnection((type) => (type === MSG.AUTH ? [info()] : type === MSG.IV_REQUEST ? [iv()] : undefined));
  const l = new BoxLink(connection, manualClock());
  await l.send(encodeMessage(MSG.AUTH, { walletId: 1, rights: 1, validSeconds: 60, ticket: new Uint8Array(16) }));
  await l.send(encodeMessage(MSG.IV_REQUEST, {}));
  assert.is((await l.next(1000)).type, MSG.INFO);
  assert.is((await l.next(1000)).type, MSG.IV);
  assert.is(l.stats.roundTrips, 1);
  assert.equal(written, [MSG.AUTH, MSG.IV_REQUEST]);
});

link('no reply within the limit is a timeout on the transport clock', async () => {
  const clock = manualClock();
  const l = new BoxLink(scriptedConnection(() => undefined).connection, clock);
  try {
    await l.request(encodeMessage(MSG.IV_REQUEST, {}), 500);
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'timeout'));
    assert.ok(clock.t >= 500 && clock.t < 520);
  }
});

link('a link that drops while waiting is link_lost, and sending on it afterwards too', async () => {
  const fake = scriptedConnection(() => undefined);
  const l = new BoxLink(fake.connection, manualClock());
  await l.send(encodeMessage(MSG.IV_REQUEST, {}));
  fake.drop();
  try {
    await l.next(1000);
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'link_lost'));
  }
  try {
    await l.send(encodeMessage(MSG.IV_REQUEST, {}));
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'link_lost'));
  }
});

link('an undecodable reply ends the wait as an ERROR the caller can read', async () => {
  const { connection } = scriptedConnection(() => [new Uint8Array([1, 0x7f])]);
  const reply = await new BoxLink(connection, manualClock()).request(encodeMessage(MSG.IV_REQUEST, {}), 1000);
  assert.is(reply.type, MSG.ERROR);
  assert.is(reply.fields.code, ERR.UNEXPECTED);
});

link.run();
