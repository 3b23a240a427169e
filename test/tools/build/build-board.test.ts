import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { untokenise } from '../../../tools/simulator/pretokens.ts';
import { boardFiles, boards, buildBoard, buildTarget, checkEs5, type BoardBuild } from '../../../tools/build/index.ts';

const build = suite('buildBoard');
const out = await mkdtemp(join(tmpdir(), 'waygo-build-test-'));
const built = new Map<string, BoardBuild>();

build.before(async () => {
  for (const board of boards) built.set(board.id, await buildBoard(buildTarget(board), out));
});
build.after(() => rm(out, { recursive: true, force: true }));

for (const board of boards) {
  build(`the ${board.id} bundle passes the Espruino checker`, async () => {
    const code = await readFile(join(out, board.id, 'firmware.js'), 'utf8');
    assert.equal(checkEs5(code), []);
  });

  build(`the ${board.id} bundle ships no protocol constant object: ERR, MSG, FLAG... are inlined`, async () => {
    const code = await readFile(join(out, board.id, 'firmware.js'), 'utf8');
    assert.not.match(code, /var (ERR|MSG|KIND|FLAG|STATUS|RIGHT|LABEL|SCENARIO) =/);
  });

  build(`the ${board.id} size.json has board, raw, minified, pretokenised, module, code and storage sizes that match the files`, async () => {
    const size = JSON.parse(await readFile(join(out, board.id, 'size.json'), 'utf8'));
    assert.equal(Object.keys(size).sort(), ['board', 'codeBytes', 'minifiedBytes', 'modules', 'pretokenisedBytes', 'rawBytes', 'storageBytes']);
    let code = size.pretokenisedBytes;
    for (const module of size.modules) {
      assert.is(module.pretokenisedBytes, (await readFile(join(out, board.id, 'modules', `${module.name}.min.js`))).length);
      code += module.pretokenisedBytes;
    }
    assert.is(size.codeBytes, code);
    assert.is(size.board, board.id);
    assert.is(size.storageBytes, board.storageBytes);
    assert.is(size.rawBytes, (await readFile(join(out, board.id, 'firmware.js'))).length);
    assert.is(size.pretokenisedBytes, (await readFile(join(out, board.id, 'firmware.min.js'))).length);
    assert.ok(size.pretokenisedBytes < size.minifiedBytes && size.minifiedBytes < size.rawBytes);
    assert.equal(built.get(board.id)?.report, size);
  });
}

build('the stored bundle is a flat program: no wrapper, no marker calls, the boot-only factories deleted after the boot call', async () => {
  const code = untokenise((await readFile(join(out, 'puckjs', 'firmware.min.js'))).toString('latin1'));
  assert.not.match(code.slice(0, 20), /^[!(]function/);
  assert.not.match(code, /__waygo(Reserved|Drop)/);
  assert.match(code, /,delete [\w$]+(,delete [\w$]+){10,}$/);
  assert.match(await readFile(join(out, 'puckjs', 'firmware.js'), 'utf8'), /\n {4}delete start;\n/);
});

build('boardFiles lists the Storage files of a build with their bytes: the boot bundle, then its modules', async () => {
  const files = await boardFiles(out, boards[0]!);
  assert.equal(files.map((f) => f.name), ['.bootcde', 'waygo.m.config']);
  assert.equal(Buffer.from(files[0]!.bytes), await readFile(join(out, boards[0]!.id, 'firmware.min.js')));
  assert.equal(Buffer.from(files[1]!.bytes), await readFile(join(out, boards[0]!.id, 'modules', 'waygo.m.config.min.js')));
  const pixl = await boardFiles(out, boards.find((b) => b.id === 'pixljs')!);
  assert.equal(pixl.map((f) => f.name), ['.bootcde', 'waygo.m.config', 'waygo.m.qr']);
  assert.equal(Buffer.from(pixl[2]!.bytes), await readFile(join(out, 'pixljs', 'modules', 'waygo.m.qr.min.js')));
});

build('the Pixl.js QR encoder is a Storage module: checked, pretokenised, kept in its wrapper, and absent from the boot bundle', async () => {
  const module = await readFile(join(out, 'pixljs', 'modules', 'waygo.m.qr.js'), 'utf8');
  assert.equal(checkEs5(module), []);
  assert.match(module, /exports\.qrImage = payloadImage;/);
  const stored = untokenise((await readFile(join(out, 'pixljs', 'modules', 'waygo.m.qr.min.js'))).toString('latin1'));
  assert.match(stored, /^!function\(/);
  assert.match(stored, /exports\.qrImage=/);
  assert.not.match(await readFile(join(out, 'pixljs', 'firmware.js'), 'utf8'), /function (encodeQr|reedSolomon)\(/);
});

build('the pretokenised bundle holds Espruino\'s single-byte keyword tokens', async () => {
  const bytes = await readFile(join(out, 'puckjs', 'firmware.min.js'));
  assert.ok(bytes.some((b) => b >= 0x80), 'expected token bytes');
  assert.not.ok(bytes.toString('latin1').includes('function'), 'the keyword "function" should be a token');
});

build.run();
