import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FlashError, firmwareFiles, sendToBox, unconfirmedFile, uploadCode, type StorageFile } from '../../flash/index.ts';
import { CliError, type Command } from '../command.ts';
import { boardOption, linkOption, parseArgs, progressPrinter } from './options.ts';

const usage = `Usage: waygo flash --board <puckjs|pixljs|mdbt42q> (--ble ADDR | --port DEV) [--dry-run OUT] [--build DIR] [--install-mode]

Writes the board's build files from DIR (default ./build; today .bootcde, DIR/<board>/firmware.min.js) into
the box's Storage through the espruino tools' connection code, showing progress; the box reads each file back
and prints its CRC-32, which must match; then load() starts the new code.
  --ble ADDR       the box's Bluetooth address (its REPL is on only in install mode or on a blank board)
  --port DEV       a serial device, or tcp://127.0.0.1:2323 for the Linux interpreter's --telnet REPL
  --dry-run OUT    write the exact text that would be sent to OUT instead of connecting
  --install-mode   leave the box as it is after writing (no load()), so waygo provision can follow`;

export const flashCommand: Command = {
  name: 'flash',
  summary: 'write the built firmware into a box over BLE or serial (or --dry-run to a file)',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, ['board', 'ble', 'port', 'dry-run', 'build'], ['install-mode'], 'waygo flash --help');
    const board = boardOption(parsed);
    const dryRun = parsed.values['dry-run'];
    const link = linkOption(parsed, dryRun !== undefined);
    let files: StorageFile[];
    let text: string;
    try {
      files = await firmwareFiles(board, resolve(parsed.values.build ?? 'build'));
      text = uploadCode(files, parsed.flags.has('install-mode') ? 'none' : 'load');
    } catch (err) {
      if (err instanceof FlashError) throw new CliError(err.code, err.message, 1);
      throw err;
    }
    if (dryRun !== undefined) {
      writeFileSync(dryRun, text, 'latin1');
      io.stdout.write(`${dryRun}: ${text.length} bytes of upload text for ${board.id} (not sent)\n`);
      return 0;
    }
    io.stdout.write(`flashing ${board.id} through ${link!.port}\n`);
    try {
      await sendToBox({ ...link!, text, onProgress: progressPrinter((s) => io.stdout.write(s)), confirm: (printed) => unconfirmedFile(files, printed) });
    } catch (err) {
      if (err instanceof FlashError) throw new CliError(err.code, err.message, 1);
      throw err;
    }
    io.stdout.write(`flashed ${board.id}: the box read back ${files.map((f) => f.name).join(', ')} intact (CRC-32)\n`);
    return 0;
  },
};
