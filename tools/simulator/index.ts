export { createSimulatedBox, type SimulatedBox, type SimulatedBoxOptions } from './box.ts';
export { createWalletLink, type Reply, type WalletLink } from './wallet-link.ts';
export { SimulatorError, type SimulatorErrorCode } from './errors.ts';
export { NATIVE_CRYPTO } from './crypto.ts';
export { LCD_HEIGHT, LCD_WIDTH, type Lcd, type TextRun } from './graphics.ts';
export type { BleTrace, Link } from './ble.ts';
export type { Level, PinEvent, PinState } from './pins.ts';
export type { UartEvent, UartTrace } from './serial.ts';
export type { Chip } from './chip.ts';
