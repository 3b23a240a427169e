import type { Readable } from 'node:stream';
import { CliError } from '../command.ts';

/** The first line of stdin (piped or typed), or WAYGO_ADMIN_PASSWORD: never argv, which `ps` and shell history show. */
export async function readPassword(stdin: Readable, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.WAYGO_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new CliError('no_password', 'give the password on stdin (one line) or in WAYGO_ADMIN_PASSWORD');
  return password;
}
