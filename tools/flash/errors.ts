export type FlashErrorCode = 'empty_file' | 'not_built' | 'no_connection' | 'send_failed' | 'not_confirmed' | 'replay_failed';

/** A flashing or upload fault; the CLI prints its message as one line. */
export class FlashError extends Error {
  readonly code: FlashErrorCode;
  constructor(code: FlashErrorCode, message: string) {
    super(message);
    this.name = 'FlashError';
    this.code = code;
  }
}
