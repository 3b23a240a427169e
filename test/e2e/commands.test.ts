import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../cloud/db/open.ts';
import { queueCommand } from '../../cloud/services/box-commands/index.ts';
import { SCENARIO_BOXES } from './scenarios.ts';
import { cloudRows, startWorld, type World } from './world.ts';

// A command the cloud owes a box rides on the next payment's connection: pay() relays it after the receipt.
const commands = suite('pay relays box commands');
let world: World;
const washer = SCENARIO_BOXES[0]!;

commands.before(async () => {
  world = await startWorld({ boxes: ['washer'] });
});
commands.after(async () => {
  await world?.close();
});

commands('a queued CLOCK command is carried to the box after the payment and the cloud marks it applied', async () => {
  const database = openDatabase(world.dbPath);
  const queued = database.db.transaction((tx) => queueCommand(tx, { boxId: washer.boxId, kind: 'clock', payload: {}, actor: 'operator:e2e', now: Date.now() }));
  database.close();
  const result = await world.wallet().pay({ boxId: washer.boxId, order: washer.order });
  assert.is(result.payment.state, 'finish');
  assert.is(result.stats.commandsRelayed, 1);
  assert.equal(cloudRows(world.dbPath, 'select state from box_commands where id = ?', queued.id), [{ state: 'applied' }]);
  const next = await world.wallet().pay({ boxId: washer.boxId, order: washer.order });
  assert.is(next.stats.commandsRelayed, 0, 'nothing more is owed');
});

commands.run();
