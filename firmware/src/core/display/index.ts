export type { DisplayConfig, DisplayContext, Gfx, LogEntry, MonoImage, Payment, Screen } from './types.ts';
export { drawScreen, wrap } from './screens.ts';
export { BUTTON, onButton } from './buttons.ts';
export { dynamicPayload } from './payload.ts';
export { currencyCode, currencyExponent, formatAmount, formatMoney } from './money.ts';
export { formatTime } from './time.ts';
export { payloadImage, qrImage } from './qr-image.ts';
export { LED_PATTERNS, createLedPlayer, type LedPattern, type LedPlayer, type LedTimers } from './leds.ts';
