export { OPEN_COMMAND_STATES, openCommandCounts, queueCommand, supersedeCommands } from './queue.ts';
export type { CommandKind, CommandRow, QueueCommandInput } from './queue.ts';
export { COMMAND_VALID_SECONDS, liveSession, sealNextCommand } from './seal.ts';
export type { SealCommandInput, SealedCommand, SessionRow } from './seal.ts';
export { applyCommandReceipt } from './receipt.ts';
export type { CommandOutcome, CommandReceiptInput } from './receipt.ts';
