import type { Command } from './command.ts';
import { buildCommand } from './build/index.ts';
import { emvCommand } from './emv/index.ts';

/** Every `waygo` command; later features register theirs here. */
export const commands: Command[] = [emvCommand, buildCommand];
