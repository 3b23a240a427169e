// Running code on a Linux build of the Espruino interpreter (ESPRUINO=/path/to/espruino), the way a box runs it:
// from Storage as .bootcde, so function bodies stay in flash. Storage persists in `dir`/espruino.flash.
import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function runFile(interpreter: string, file: string, cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(interpreter, [file], { cwd, timeout: 30_000 }, (err, stdout) => (err ? fail(err) : done(stdout)));
  });
}

/** Runs until `done` matches the output (or 30 s pass), then stops the interpreter: after load() there is no quit(). */
export function runUntil(interpreter: string, file: string, cwd: string, done: RegExp): Promise<string> {
  return new Promise((resolve, fail) => {
    const child = spawn(interpreter, [file], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.on('data', (d) => {
      printed += d;
      if (done.test(printed)) child.kill();
    });
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(printed);
    });
  });
}

function escapeBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 32 && byte < 127 && byte !== 34 && byte !== 92 ? String.fromCharCode(byte) : '\\x' + byte.toString(16).padStart(2, '0');
  return text;
}

/** Stores `content` as the Storage file `name` in 1 KB pieces, one interpreter run each, so no run holds it all in RAM. */
export async function writeStorageFile(interpreter: string, name: string, content: Uint8Array, dir: string): Promise<void> {
  for (let at = 0; at < content.length; at += 1024) {
    const piece = escapeBytes(content.subarray(at, at + 1024));
    await writeFile(join(dir, 'write.js'), `require("Storage").write("${name}","${piece}",${at},${content.length});\n`);
    await runFile(interpreter, 'write.js', dir);
  }
}

/** Stores `content` as .bootcde (writeStorageFile), then boots it with load() and returns what it printed once `done` matched (or it stopped). */
export async function bootFromStorage(interpreter: string, content: Buffer, dir: string, done: RegExp): Promise<string> {
  await writeStorageFile(interpreter, '.bootcde', content, dir);
  await writeFile(join(dir, 'boot.js'), 'load();\n');
  return runUntil(interpreter, 'boot.js', dir, done);
}
