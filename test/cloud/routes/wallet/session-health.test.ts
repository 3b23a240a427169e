import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { boxes } from '../../../../cloud/db/schema/index.ts';
import { toHex } from '../../../../shared/bytes/hex.ts';
import { MSG } from '../../../../shared/protocol/constants.ts';
import { encodeMessage } from '../../../../shared/protocol/messages.ts';
import { BoxPlayer } from '../../box-player.ts';
import { signed } from '../../wallet-client.ts';
import { BOX, walletWorld } from '../../wallet-world.ts';

const test = suite('sessionRoutes');

test('records what the box reports for operators: last seen, firmware version from the HELLO, battery from a relayed INFO', async () => {
  const { app, wallet, keys, database } = walletWorld();
  const post = (path: string, body: unknown) => app.request(path, signed(wallet, 'POST', path, body));
  const info = toHex(encodeMessage(MSG.INFO, { boardId: 1, firmwareVersion: 0x0100, configVersion: 0, battery: 87, logCount: 0, logCapacity: 100, clock: 0, flags: 0 }));
  const player = new BoxPlayer(keys[BOX]!);
  const { challenge } = (await (await post('/v1/wallet/challenges', { boxId: BOX })).json()) as { challenge: string };
  assert.is((await post('/v1/wallet/sessions', { hello: player.hello(challenge), challenge, info })).status, 201);
  const row = database.db.select().from(boxes).where(eq(boxes.id, BOX)).get()!;
  assert.equal([row.firmwareVersion, row.batteryPercent, typeof row.lastSeenAt], ['1.0', 87, 'number']);
  database.close();
});

test.run();
