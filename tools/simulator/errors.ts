/** Why the simulator stopped a bundle or refused a test's request. */
export type SimulatorErrorCode =
  | 'syntax' // the bundle is not ES5: the interpreter would not parse it
  | 'boot_failed' // the bundle's top-level code threw
  | 'mtu' // a test wrote a chunk larger than the link carries
  | 'not_connected'
  | 'no_reply'
  | 'bad_argument';

export class SimulatorError extends Error {
  readonly code: SimulatorErrorCode;

  constructor(code: SimulatorErrorCode, message: string) {
    super(message);
    this.name = 'SimulatorError';
    this.code = code;
  }
}
