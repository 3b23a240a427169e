import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, checkTag, decodeMessage, encodeMessage } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards, buildBoard, buildTarget } from '../../../tools/build/index.ts';
import { PINNED_RANDOM_BYTE, paymentVisit, runBoxOnInterpreter, runFile } from '../../../tools/interpreter/index.ts';

// Runs the bytes that go on the box (minified, pretokenised, booted from Storage) on a Linux build of the
// Espruino interpreter: make test-espruino ESPRUINO=/path/to/espruino. Skipped without one. ESPRUINO_PIXLJS names
// a build with the Pixl.js's 2,950 JsVars for that board's payment (docs/firmware-build.md).
const interpreter = process.env.ESPRUINO;
const interpreters: Record<string, string | undefined> = { pixljs: process.env.ESPRUINO_PIXLJS };

const onInterpreter = suite('firmware.min.js on the Espruino interpreter');
const out = await mkdtemp(join(tmpdir(), 'waygo-espruino-run-'));
onInterpreter.after(() => rm(out, { recursive: true, force: true }));

for (const board of boards) {
  const name = `the ${board.id} bundle boots from its key file, serves BLE without the REPL and proves its key over the link`;
  if (!interpreter) {
    onInterpreter.skip(name, () => undefined);
    continue;
  }
  onInterpreter(name, async () => {
    await buildBoard(buildTarget(board), out);
    const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
    const challenge = nodeCrypto.randomBytes(16);
    const run = await runBoxOnInterpreter(interpreter, board, out, keys, [
      encodeMessage(MSG.HELLO_REQUEST, { challenge }),
      encodeMessage(MSG.INFO_REQUEST, {}),
    ], join(out, `${board.id}-run`));
    const banner = `WayGo ${firmwareVersion} ${board.id}`;
    assert.ok(run.printed.includes(`${banner} crc=${crc16(utf8Encode(banner)).toString(16).padStart(4, '0')}`), run.printed);
    assert.ok(run.printed.includes('nrf:uart=false'), 'the Nordic UART REPL service is off');
    assert.not.ok(/Uncaught|ERROR|OUT OF MEMORY/.test(run.printed), run.printed);
    const [hello, info] = run.replies;
    assert.ok(hello && checkTag(nodeCrypto, keys.macKey, LABEL.HELLO, challenge, hello, 2), 'the HELLO proof checks with the cloud\'s keys');
    const decoded = decodeMessage(info!);
    assert.ok(decoded.ok && decoded.type === MSG.INFO && decoded.fields.boardId === board.wireId, run.printed);
  });
}

/**
 * Boards whose payment does not yet fit a Puck.js-sized heap. The Pixl.js (pure-JS SHA-256 and AES, screens)
 * peaks at about 2,550 JsVars and runs out of memory inside HMAC on the 2,630 build. It has 2,950 JsVars, so on an
 * interpreter with fewer the visit is skipped with this reason; it runs (and must pass) on one with at least that
 * many: ESPRUINO_PIXLJS, or ESPRUINO itself.
 */
const NEEDS_JSVARS: Record<string, number> = { pixljs: 2950 };

async function interpreterJsVars(path: string): Promise<number> {
  await writeFile(join(out, 'total.js'), 'print("total="+process.memory().total);');
  return Number(/total=(\d+)/.exec(await runFile(path, 'total.js', out))![1]);
}

for (const board of boards) {
  const name = `the ${board.id} bundle completes a payment (HELLO, AUTH, CLOCK, CONFIG, PAYMENT) with MACed OK receipts`;
  const needs = NEEDS_JSVARS[board.id] ?? 0;
  const use = interpreters[board.id] ?? interpreter;
  const total = use ? await interpreterJsVars(use) : 0;
  if (!use || total < needs) {
    onInterpreter.skip(use ? `${name} [skipped: runs out of memory below ${needs} JsVars, this interpreter has ${total}]` : name, () => undefined);
    continue;
  }
  onInterpreter(name, async () => {
    await buildBoard(buildTarget(board), out);
    const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
    const run = await runBoxOnInterpreter(use, board, out, keys, paymentVisit(keys), join(out, `${board.id}-pay`), {
      pinnedRandomByte: PINNED_RANDOM_BYTE,
    });
    assert.not.ok(/Uncaught|ERROR|OUT OF MEMORY/.test(run.printed), run.printed);
    const types = run.replies.map((r) => r[1]);
    assert.equal(types, [MSG.HELLO, MSG.INFO, MSG.IV, MSG.RECEIPT, MSG.IV, MSG.RECEIPT, MSG.IV, MSG.RECEIPT], run.printed);
    for (const reply of run.replies.filter((r) => r[1] === MSG.RECEIPT)) {
      const receipt = decodeMessage(reply);
      assert.ok(receipt.ok && receipt.fields.status === 0, 'the telegram was executed');
      assert.ok(checkTag(nodeCrypto, keys.macKey, LABEL.RECEIPT, new Uint8Array(0), reply, 2), 'the receipt MAC checks with the cloud\'s keys');
    }
    assert.ok(run.peakJsVars !== undefined && run.peakJsVars <= total, `peak ${run.peakJsVars} of ${total} JsVars`);
  });
}

for (const board of boards.filter((b) => b.display === 'lcd')) {
  const name = `the ${board.id} bundle loads its QR module from Storage for the idle screen and frees it after`;
  if (!interpreter) {
    onInterpreter.skip(name, () => undefined);
    continue;
  }
  onInterpreter(name, async () => {
    await buildBoard(buildTarget(board), out);
    const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
    const ui = utf8Encode(JSON.stringify({ merchant: 'Noodle Bar', template: 'WAYGO PIXL-7F3A NOODLE BAR 24', currency: 764 }));
    const withQr = await runBoxOnInterpreter(interpreter, board, out, keys, [], join(out, `${board.id}-qr`), { files: { 'waygo.ui': ui } });
    assert.not.ok(/Uncaught|ERROR|OUT OF MEMORY/.test(withQr.printed), withQr.printed);
    assert.ok(withQr.printed.includes('lcd:Scan to pay'), withQr.printed);
    const without = await runBoxOnInterpreter(interpreter, board, out, keys, [], join(out, `${board.id}-no-qr`));
    assert.ok(without.printed.includes('lcd:Not set up'), without.printed);
    // Only the image stays (about 210 bytes for a 29-byte payload's 25x25 symbol, a few dozen JsVars); the
    // encoder's functions would cost well over a hundred more.
    const kept = withQr.idleJsVars! - without.idleJsVars!;
    assert.ok(kept >= 0 && kept < 60, `the QR costs ${kept} JsVars after boot`);
  });
}

onInterpreter.run();
