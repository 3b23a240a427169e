export type { BoardData } from './board.ts';
export type { Device, DigitalIO, OutputChannel, TextDisplay } from './io.ts';
export { setOutputsInactive } from './outputs.ts';
export { boot, firmwareVersion, type BootReport } from './boot.ts';
export { createSession } from './session/index.ts';
export type { BoxState, Session, SessionOptions, TelegramDone, TxnRecord } from './session/index.ts';
export { createTelegramHandler, type WallClock } from './telegram-handler.ts';
