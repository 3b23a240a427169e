// What the SDK tells an app's log: step names, box and payment ids, timings and error codes. Callers pass only
// such fields; message bytes, tickets, telegrams, IVs, keys and signatures are never handed to a logger.

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
}

export const silentLogger: Logger = { debug: () => undefined, warn: () => undefined };
