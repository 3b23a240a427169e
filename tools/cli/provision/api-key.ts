import { readFileSync } from 'node:fs';
import { CliError } from '../command.ts';

/** The operator API key, from a file or WAYGO_API_KEY: never from argv, where `ps` and shell history would show it. */
export function readApiKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  let key: string | undefined;
  if (file !== undefined) {
    try {
      key = readFileSync(file, 'utf8').trim();
    } catch {
      throw new CliError('no_api_key', `cannot read the API key file ${file}`);
    }
  } else {
    key = env.WAYGO_API_KEY?.trim();
  }
  if (key === undefined || key === '') throw new CliError('no_api_key', 'give --api-key-file FILE or set WAYGO_API_KEY');
  return key;
}
