// The display and QR encoder on the real interpreter: espruino-entry.ts goes through the firmware pipeline
// (bundle, ES5 lowering, hoisting, checker, Espruino minify and pretokenise), draws the idle screen through the
// board's Lcd on a Graphics buffer of the Linux build of Espruino named by $ESPRUINO, and jsQR reads the QR back
// from the printed pixels. Skipped when ESPRUINO is unset (make test-espruino ESPRUINO=/path/to/espruino sets it).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode, wayGoAccount } from '../../../../shared/emv/index.ts';
import { bundle, checkEs5, findBoard, hoistFunctions, lowerToEs5, minifyForEspruino } from '../../../../tools/build/index.ts';
import { scanScreen } from './pixels.ts';

const entry = resolve(fileURLToPath(import.meta.url), '../espruino-entry.ts');
const espruino = process.env.ESPRUINO;

const test = suite('display on Espruino');

(espruino ? test : test.skip)('draws an idle screen whose QR jsQR reads as the dynamic EMV payload, and a log page', async () => {
  const template = encode({
    pointOfInitiation: 'static', merchantAccountInformation: { '49': wayGoAccount('PIXL-7F3A') },
    mcc: '5812', currency: '764', country: 'TH', merchantName: 'NOODLE BAR 24', merchantCity: 'BANGKOK',
    additionalData: { '07': 'PIXL-7F3A' },
  });
  const es5 = hoistFunctions(lowerToEs5(await bundle(entry)));
  assert.equal(checkEs5(es5), []);
  const { pretokenised } = await minifyForEspruino(es5, findBoard('pixljs')!);
  const dir = mkdtempSync(join(tmpdir(), 'waygo-display-'));
  try {
    writeFileSync(join(dir, 'display.js'), Buffer.concat([Buffer.from('var TEMPLATE = ' + JSON.stringify(template) + ';\n'), pretokenised]));
    const run = spawnSync(espruino!, ['display.js'], { cwd: dir, encoding: 'utf8', timeout: 120_000, input: '' });
    const square = /square ([01]{4096})/.exec(run.stdout);
    assert.ok(square, run.stdout + run.stderr);
    const scanned = scanScreen(new Uint8Array(64 * 128).map((_, i) => (i % 128 >= 64 ? Number(square![1]![(i >> 7) * 64 + (i % 128) - 64]) : 0)));
    const decoded = decode(scanned!, { strict: true });
    assert.is(decoded.amount, '125.50');
    assert.equal(decoded.merchantAccountInformation, { '49': wayGoAccount('PIXL-7F3A') });
    assert.match(run.stdout, /time encode 110 B: first [\d.]+ ms/);
    assert.ok(Number(/log dark pixels (\d+)/.exec(run.stdout)![1]) > 200, run.stdout);
    console.log(run.stdout.split('\n').filter((line) => line.startsWith('time')).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
