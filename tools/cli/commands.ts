import type { Command } from './command.ts';

/** Every `waygo` command; later features register theirs here. */
export const commands: Command[] = [];
