import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { FlashError, sendToBox, unconfirmedFile, uploadCode } from '../../flash/index.ts';
import { CliError, type Command } from '../command.ts';
import { boardOption, linkOption, parseArgs, progressPrinter } from '../flash/options.ts';
import { readApiKey } from './api-key.ts';
import { registerBox } from './register.ts';

const usage = `Usage: waygo provision --board <puckjs|pixljs|mdbt42q> --box ID --cloud URL [--api-key-file FILE] [--rotate]
                       (--ble ADDR | --port DEV | --dry-run OUT)

For a box in install mode (first button held at power-up; the REPL stays on for 5 minutes):
  1. generates the box's 32-byte master secret here (never printed, never written to disk),
  2. registers it with the cloud (POST /v1/operator/boxes/ID/provision, operator API key from FILE or
     WAYGO_API_KEY, never from the command line); the cloud answers the derived keys and configuration,
  3. writes them into the box's Storage over the link (the same upload path as waygo flash),
  4. restarts the box (E.reboot()), which leaves install mode: the REPL is off from then on.
--rotate replaces the keys of a box the cloud already provisioned (a new key version): for a box whose
earlier provisioning did not reach it, or a box being re-issued.
--dry-run OUT writes the upload text to OUT instead (mode 0600): it CONTAINS THE BOX'S KEYS.`;

export const provisionCommand: Command = {
  name: 'provision',
  summary: 'give a box in install mode its keys: register a fresh master secret with the cloud, write the keys, lock',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, ['board', 'box', 'cloud', 'api-key-file', 'ble', 'port', 'dry-run'], ['rotate'], 'waygo provision --help');
    const board = boardOption(parsed);
    const boxId = parsed.values.box;
    const cloud = parsed.values.cloud;
    if (boxId === undefined || cloud === undefined) throw new CliError('usage', '--box and --cloud are required (waygo provision --help)');
    const dryRun = parsed.values['dry-run'];
    const link = linkOption(parsed, dryRun !== undefined);
    if (link !== undefined && dryRun !== undefined) throw new CliError('usage', 'give a link or --dry-run, not both');
    const apiKey = readApiKey(parsed.values['api-key-file']);

    const masterSecret = new Uint8Array(randomBytes(32));
    const answer = await registerBox(cloud, apiKey, boxId, masterSecret, parsed.flags.has('rotate')).finally(() => masterSecret.fill(0));
    if (answer.board !== board.id) throw new CliError('board_mismatch', `the cloud registered box ${boxId} as ${answer.board}, not ${board.id}`, 1);
    const text = uploadCode(answer.files, 'reboot');
    const written = answer.files.map((f) => `${f.name} (${f.bytes.length} B)`).join(', ');
    if (dryRun !== undefined) {
      writeFileSync(dryRun, text, { encoding: 'latin1', mode: 0o600 });
      // mode applies only to a new file: an existing one is narrowed too.
      chmodSync(dryRun, 0o600);
      io.stdout.write(`registered box ${boxId} (key version ${answer.keyVersion}); ${dryRun} holds the upload of ${written}.\n`);
      io.stdout.write(`${dryRun} CONTAINS THE BOX'S KEYS: send it to the box, then delete it.\n`);
      return 0;
    }
    io.stdout.write(`registered box ${boxId} (key version ${answer.keyVersion}); writing ${written} through ${link!.port}\n`);
    try {
      await sendToBox({ ...link!, text, onProgress: progressPrinter((s) => io.stdout.write(s)), confirm: (printed) => unconfirmedFile(answer.files, printed) });
    } catch (err) {
      if (err instanceof FlashError) throw new CliError(err.code, `${err.message}; the cloud holds the new key: once the box is reachable, run provision again with --rotate`, 1);
      throw err;
    }
    io.stdout.write(`provisioned box ${boxId}: it read back its files intact and restarted out of install mode\n`);
    return 0;
  },
};
