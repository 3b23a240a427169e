// A seeded cloud and a box that connects to it through a wallet session, for the command services' tests.
import { fromHex } from '../../../../shared/bytes/hex.ts';
import { PERMISSIONS, type OperatorPrincipal } from '../../../../cloud/services/authority/permissions.ts';
import { issueChallenge, openSession } from '../../../../cloud/services/sessions/index.ts';
import type { BoxKeys } from '../../../../shared/protocol/types.ts';
import { BoxPlayer, PaymentBox } from '../../box-player.ts';
import { migratedDatabase } from '../../fixtures.ts';
import { BOX, seedWorld } from '../../wallet-world.ts';

export const PLATFORM: OperatorPrincipal = { accountId: 'acc_platform', merchantId: null, permissions: PERMISSIONS, via: 'api_key', locale: 'en' };

export function commandWorld() {
  const database = migratedDatabase(':memory:');
  const seeded = seedWorld(database);
  const wallet = { id: seeded.wallet.keyId, walletId: seeded.walletId };
  let now = 1_800_000_000_000;
  /** One BLE connection: HELLO under `keys`, the cloud's session, and the box's side of telegrams. */
  function connect(keys: BoxKeys = seeded.keys[BOX]!, counter = 0) {
    const player = new BoxPlayer(keys, counter);
    const { challenge } = issueChallenge(database.db, wallet.id, BOX, now);
    const session = openSession(database.db, seeded.kek, { wallet, hello: fromHex(player.hello(challenge)), challenge, now });
    return { session, box: new PaymentBox(keys, counter) };
  }
  return {
    ...seeded, database, db: database.db, deps: { db: database.db, kek: seeded.kek }, wallet, connect,
    now: () => now, advance: (ms: number) => void (now += ms),
  };
}
