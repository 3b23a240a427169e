export type BrowserErrorCode = 'not_found' | 'install_failed';

/** Chromium could not be found or installed; the message says what to do next. */
export class BrowserError extends Error {
  readonly code: BrowserErrorCode;
  constructor(code: BrowserErrorCode, message: string) {
    super(message);
    this.name = 'BrowserError';
    this.code = code;
  }
}
