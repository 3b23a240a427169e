export { Digital, type DigitalOptions } from './digital.ts';
export { Lcd } from './lcd.ts';
export { start } from './start.ts';
