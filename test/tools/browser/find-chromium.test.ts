import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserError, ensureChromium, findChromium, requireChromium } from '../../../tools/browser/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'waygo-chromium-'));
const bin = join(dir, 'bin');
mkdirSync(bin);
function fakeBinary(name: string, mode = 0o755): string {
  const path = join(bin, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

const find = suite('findChromium');
find.after(() => rmSync(dir, { recursive: true, force: true }));

find('takes WAYGO_CHROMIUM when it names an executable, and nothing else then', () => {
  const chosen = fakeBinary('my-chrome');
  assert.is(findChromium({ WAYGO_CHROMIUM: chosen, PATH: bin }), chosen);
  assert.is(findChromium({ WAYGO_CHROMIUM: join(dir, 'missing'), PATH: bin }), undefined);
});

find('finds a Chromium on PATH, preferring Debian\'s name', () => {
  fakeBinary('google-chrome');
  const chromium = fakeBinary('chromium');
  assert.is(findChromium({ PATH: `/nowhere:${bin}` }), chromium);
});

find('skips a file that is not executable', () => {
  const other = join(dir, 'other');
  mkdirSync(other);
  const path = join(other, 'chromium');
  writeFileSync(path, '');
  chmodSync(path, 0o644);
  assert.is(findChromium({ WAYGO_CHROMIUM: path }), undefined);
});

find.run();

const require_ = suite('requireChromium');

require_('fails with the fix in the message when the chosen binary is missing', () => {
  try {
    requireChromium({ WAYGO_CHROMIUM: join(dir, 'missing') });
    assert.unreachable('no binary, no browser');
  } catch (err) {
    assert.instance(err, BrowserError);
    assert.is((err as BrowserError).code, 'not_found');
    assert.match((err as Error).message, 'WAYGO_CHROMIUM');
  }
});

require_.run();

const ensure = suite('ensureChromium');

ensure('does not install anything when WAYGO_CHROMIUM names a missing binary: it says to fix the setting', () => {
  try {
    ensureChromium({ WAYGO_CHROMIUM: join(dir, 'missing'), PATH: '/nowhere' });
    assert.unreachable('a bad setting is an error');
  } catch (err) {
    assert.is((err as BrowserError).code, 'not_found');
  }
});

ensure.run();
