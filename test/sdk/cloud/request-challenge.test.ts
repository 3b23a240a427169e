import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { toHex } from '../../../shared/bytes/index.ts';
import { RIGHT } from '../../../shared/protocol/index.ts';
import { CloudClient, isWalletError, requestBoundChallenge } from '../../../sdk/index.ts';
import { BoxPlayer } from '../../cloud/box-player.ts';
import { BOX, walletWorld } from '../../cloud/wallet-world.ts';

// POST /v1/wallet/sessions without a challenge: the HELLO answers the challenge derived from the request's own
// key id, timestamp and nonce, so a session costs one cloud call instead of two.
const bound = suite('request-bound challenge');

function clientFor(world: ReturnType<typeof walletWorld>): CloudClient {
  const appFetch: typeof fetch = (input, init) => Promise.resolve(world.app.request(String(input).replace('http://cloud', ''), init));
  return new CloudClient({ baseUrl: 'http://cloud', keyId: world.wallet.keyId, signingKey: world.wallet.signingKey, fetch: appFetch });
}

bound('a HELLO over the challenge derived from the session request opens a session with a ticket the box accepts', async () => {
  const world = walletWorld();
  const cloud = clientFor(world);
  const signing = cloud.reserveSigning();
  const box = new BoxPlayer(world.keys[BOX]!, 3);
  const session = await cloud.session(box.hello(toHex(requestBoundChallenge(world.wallet.keyId, signing))), undefined, signing);
  assert.is(session.boxId, BOX);
  assert.equal(box.acceptAuth(session.auth), { walletId: world.walletId, rights: RIGHT.PAY, validSeconds: 120 });
  world.database.close();
});

bound('the same HELLO sent under another nonce does not verify', async () => {
  const world = walletWorld();
  const cloud = clientFor(world);
  const hello = new BoxPlayer(world.keys[BOX]!).hello(toHex(requestBoundChallenge(world.wallet.keyId, cloud.reserveSigning())));
  try {
    await cloud.session(hello, undefined, cloud.reserveSigning());
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'cloud_error') && error.details.cloudCode === 'hello_proof_invalid', String(error));
  }
  world.database.close();
});

bound('a request-bound challenge is good once: its nonce cannot be signed again', async () => {
  const world = walletWorld();
  const cloud = clientFor(world);
  const signing = cloud.reserveSigning();
  const hello = new BoxPlayer(world.keys[BOX]!).hello(toHex(requestBoundChallenge(world.wallet.keyId, signing)));
  await cloud.session(hello, undefined, signing);
  try {
    await cloud.session(hello, undefined, signing);
    assert.unreachable();
  } catch (error) {
    assert.ok(isWalletError(error, 'cloud_error') && error.details.cloudCode === 'nonce_reused', String(error));
  }
  world.database.close();
});

bound.run();
