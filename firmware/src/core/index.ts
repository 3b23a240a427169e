export type { BoardData } from './board.ts';
export type { Device, DigitalIO, OutputChannel, TextDisplay } from './io.ts';
export { setOutputsInactive } from './outputs.ts';
export { boot, firmwareVersion, type BootReport } from './boot.ts';
