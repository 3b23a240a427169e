import type { Command } from './command.ts';
import { buildCommand } from './build/index.ts';
import { emvCommand } from './emv/index.ts';
import { cloudCommand } from './cloud/index.ts';
import { auditCommand } from './audit/index.ts';
import { dbCommand } from './db/index.ts';

/** Every `waygo` command; later features register theirs here. */
export const commands: Command[] = [emvCommand, buildCommand, cloudCommand, auditCommand, dbCommand];
