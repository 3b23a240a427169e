export { createMachine } from './machine.ts';
export { CONFIG_FILE, ROLE, configError, paymentError } from './config.ts';
export { DEFAULT_ACK_SECONDS } from './digital.ts';
export { ETX, FRAME, MAX_FRAME_LEN, STX, VEND_LAYOUT, encodeFrame, takeFrame, type UartFrame } from './uart-frame.ts';
export { WINDOW_FILE } from './window-store.ts';
export type { Machine, MachineFinish, MachineOptions } from './types.ts';
