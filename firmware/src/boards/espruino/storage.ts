import type { KeyValueStore } from '../../core/index.ts';
import type { LogStorage } from '../../core/log/index.ts';

/** The Storage module (flash): the log, keys, configuration and the boot counter all live in it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Espruino's built-in modules are reached only through require
export const storage: LogStorage = require('Storage');

/** A Storage file's bytes, read in place from flash (no RAM copy), or undefined when absent. */
export function readFile(name: string): Uint8Array | undefined {
  const buffer = storage.readArrayBuffer(name);
  return buffer === undefined ? undefined : new Uint8Array(buffer);
}

/** Whole small files: configuration and open machine windows. */
export const files: KeyValueStore = {
  read: readFile,
  write: (name, bytes) => void storage.write(name, bytes),
  erase: (name) => storage.erase(name),
};
