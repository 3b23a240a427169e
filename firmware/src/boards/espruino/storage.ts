// eslint-disable-next-line @typescript-eslint/no-require-imports -- Espruino's built-in modules are reached only through require
const storage: { readArrayBuffer(name: string): ArrayBuffer | undefined } = require('Storage');

/** A Storage file's bytes, read in place from flash (no RAM copy), or undefined when absent. */
export function readFile(name: string): Uint8Array | undefined {
  const buffer = storage.readArrayBuffer(name);
  return buffer === undefined ? undefined : new Uint8Array(buffer);
}
