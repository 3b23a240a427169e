import { spawnSync } from 'node:child_process';
import { BrowserError } from './errors.ts';
import { findChromium, requireChromium } from './find-chromium.ts';

/** A small font with Traditional Chinese glyphs, so zh-TW screenshots show text rather than empty boxes. */
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

/** Runs a command with the terminal attached; true when it exited 0. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
}

/**
 * apt-get install: directly as root, else through non-interactive sudo (a password prompt would hang CI).
 * The package lists may be missing or stale in a fresh container, so a failed install updates them and retries.
 */
function aptInstall(packages: string[], env: NodeJS.ProcessEnv): boolean {
  const prefix = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => {
    const [command = 'apt-get', ...rest] = [...prefix, 'apt-get', ...args];
    return run(command, rest, aptEnv);
  };
  if (apt(['install', '-y', ...packages])) return true;
  apt(['update']);
  return apt(['install', '-y', ...packages]);
}

function hasChineseFont(env: NodeJS.ProcessEnv): boolean {
  const listed = spawnSync('fc-list', [':lang=zh-tw', 'family'], { env, encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim() !== '';
}

/** Finds Chromium, or installs Debian's package (with a Chinese font). Returns the binary's path. */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): string {
  // A chosen binary that is missing is a setting to fix, not a reason to install another one.
  if (env.WAYGO_CHROMIUM) return requireChromium(env);
  const found = findChromium(env);
  if (found) {
    // Only the screenshots need it; the tests read text from the page, so a failure here is not fatal.
    if (!hasChineseFont(env)) aptInstall([CJK_FONT_PACKAGE], env);
    return found;
  }
  aptInstall(['chromium', CJK_FONT_PACKAGE], env);
  const installed = findChromium(env);
  if (installed) return installed;
  const how = process.getuid?.() === 0 ? 'apt-get' : 'sudo -n apt-get';
  throw new BrowserError(
    'install_failed',
    `could not install Chromium with ${how} install -y chromium: install it yourself, set WAYGO_CHROMIUM to a Chromium binary, or set WAYGO_SKIP_BROWSER=1 to skip the browser tests`,
  );
}
