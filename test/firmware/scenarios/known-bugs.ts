// Firmware defects these end-to-end tests found, per board. A test that needs what a defect breaks is registered
// with `skip` and the reason, so it runs again (and must pass) once the entry is removed.
import type { Test } from 'uvu';

/** With its real .bootcde (31,131 B pretokenised) the Pixl.js has one log segment, so it runs without a log. */
export const NO_LOG = 'firmware bug: the Pixl.js bundle leaves room for 1 log segment, so the box has no log (logSeq 0, no DUPLICATE, no POS read)';

const BUGS: Record<string, { config?: string; log?: string }> = {
  pixljs: { log: NO_LOG },
};

/** Why `board` cannot run a test that needs `needs`, or undefined when it can. */
export function blockedBy(board: string, needs: ('config' | 'log')[]): string | undefined {
  const bugs = BUGS[board] ?? {};
  for (const need of needs) if (bugs[need] !== undefined) return bugs[need];
  return undefined;
}

/** Registers `name` on `suite`, or skips it with the defect's reason in its name. */
export function testOn(suite: Test, board: string, needs: ('config' | 'log')[], name: string, fn: () => void): void {
  const reason = blockedBy(board, needs);
  if (reason === undefined) suite(name, fn);
  else suite.skip(`${name} [skipped on ${board}: ${reason}]`, fn);
}
