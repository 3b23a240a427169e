export type { BoardData } from './board.ts';
export type {
  Device, DigitalInput, DigitalIO, KeyValueStore, OutputChannel, TextDisplay, Timers, Uart, UartOptions,
} from './io.ts';
export { setOutputsInactive } from './outputs.ts';
export { boot, firmwareVersion, type BootReport } from './boot.ts';
export { createSession } from './session/index.ts';
export type { BoxState, Session, SessionOptions, TelegramDone, TxnRecord } from './session/index.ts';
export { createTelegramHandler, type TelegramHandlerOptions, type WallClock } from './telegram-handler.ts';
export { createMachine, type Machine, type MachineOptions } from './machine/index.ts';
export type { BoxUi } from './ui.ts';
export { countBoot, BOOT_FILE } from './boot-counter.ts';
export { createRecentTxns } from './recent-txns.ts';
export type { FirmwareModules, LoadModule, QrModule } from './modules.ts';
