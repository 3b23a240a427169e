export { BrowserError } from './errors.ts';
export type { BrowserErrorCode } from './errors.ts';
export { findChromium, requireChromium } from './find-chromium.ts';
export { ensureChromium } from './install.ts';
