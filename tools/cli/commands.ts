import type { Command } from './command.ts';
import { buildCommand } from './build/index.ts';
import { emvCommand } from './emv/index.ts';
import { cloudCommand } from './cloud/index.ts';
import { auditCommand } from './audit/index.ts';
import { dbCommand } from './db/index.ts';
import { flashCommand } from './flash/index.ts';
import { provisionCommand } from './provision/index.ts';
import { wiringTestCommand } from './wiring-test/index.ts';
import { simulateCommand } from './simulate/index.ts';
import { accountCommand } from './account/index.ts';

/** Every `waygo` command; later features register theirs here. */
export const commands: Command[] = [emvCommand, buildCommand, cloudCommand, auditCommand, dbCommand];
commands.push(flashCommand, provisionCommand, wiringTestCommand, simulateCommand, accountCommand);
