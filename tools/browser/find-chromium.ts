import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BrowserError } from './errors.ts';

/** Debian's package installs `chromium`; other distributions and Chrome use the other names. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser binary: `WAYGO_CHROMIUM` when set, else the first of the usual names on PATH or in /usr/bin. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.WAYGO_CHROMIUM;
  if (chosen) return executable(chosen) ? chosen : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const name of NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (executable(path)) return path;
    }
  }
  return undefined;
}

/** Like findChromium, but a missing browser is an error that names the fix. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = findChromium(env);
  if (path) return path;
  throw new BrowserError(
    'not_found',
    env.WAYGO_CHROMIUM
      ? `WAYGO_CHROMIUM=${env.WAYGO_CHROMIUM} is not an executable file`
      : 'no Chromium found: run `make chromium` (apt-get install chromium), set WAYGO_CHROMIUM to a Chromium binary, or set WAYGO_SKIP_BROWSER=1 to skip the browser tests',
  );
}
