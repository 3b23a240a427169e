import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, checkTag, decodeMessage, encodeMessage } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards, buildBoard, buildTarget } from '../../../tools/build/index.ts';
import { runBoxOnInterpreter } from '../../../tools/interpreter/index.ts';

// Runs the bytes that go on the box (minified, pretokenised, booted from Storage) on a Linux build of the
// Espruino interpreter: make test-espruino ESPRUINO=/path/to/espruino. Skipped without one.
const interpreter = process.env.ESPRUINO;

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

onInterpreter.run();
