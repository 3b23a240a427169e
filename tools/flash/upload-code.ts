import { crc32 } from 'node:zlib';
import { espruinoUtils } from './espruino-utils.ts';
import { FlashError } from './errors.ts';

/** One file for the box's Storage. */
export interface StorageFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What runs once the files are written: `load` starts the new code, `reboot` restarts the chip (a box leaves
 * install mode that way, since install mode needs the button held at power-up), `none` leaves the box as it is.
 */
export type UploadFinish = 'load' | 'reboot' | 'none';

// The reboot waits half a second so the check lines printed just before it leave the console (over BLE too)
// before the chip resets.
const FINISH: Record<UploadFinish, string> = { load: 'load()', reboot: 'setTimeout(function(){E.reboot()},500)', none: '' };
const CHECK_PREFIX = 'WAYGO FILE ';

function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** The line the box prints for `file` once it holds it intact: its name and the CRC-32 of what Storage read back. */
export function fileCheckLine(file: StorageFile): string {
  return `${CHECK_PREFIX}${file.name} ${crc32(file.bytes)}`;
}

/**
 * The REPL text that writes `files` into Storage: the Espruino tools' `require("Storage").write(name,
 * atob(…), offset[, size])` lines, 384 bytes each, every line prefixed with DLE (0x10), which tells the
 * interpreter not to echo it, as the tools' own uploadFile does. No Ctrl-C: it would interrupt the running
 * firmware, and on the Linux interpreter a second one at an empty prompt ends the process.
 * Before the finish, the box prints each file's CRC-32 (E.CRC32) as read back from Storage, so the sender can
 * confirm every file arrived whole even when the finish (a reboot) cuts the link.
 */
export function uploadCode(files: StorageFile[], finish: UploadFinish): string {
  const utils = espruinoUtils();
  const lines: string[] = [];
  for (const file of files) {
    if (file.bytes.length === 0) throw new FlashError('empty_file', `${file.name} is empty: Storage cannot hold an empty file`);
    lines.push(...utils.getUploadFileCode(file.name, binaryString(file.bytes)).split('\n'));
  }
  for (const file of files) {
    lines.push(`print(${JSON.stringify(`${CHECK_PREFIX}${file.name} `)}+E.CRC32(require("Storage").read(${JSON.stringify(file.name)})))`);
  }
  if (FINISH[finish] !== '') lines.push(FINISH[finish]);
  return lines.map((line) => `\x10${line}\n`).join('');
}

/** Undefined when the box printed every file's check line; else the first file missing or damaged. */
export function unconfirmedFile(files: StorageFile[], printed: string): string | undefined {
  // Prompts (>) can precede a printed line.
  const lines = printed.split(/\r?\n/).map((l) => l.replace(/^[>\s]+/, '').trim());
  return files.find((f) => !lines.includes(fileCheckLine(f)))?.name;
}
