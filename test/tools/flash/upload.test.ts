import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boards } from '../../../tools/build/index.ts';
import { FlashError, fileCheckLine, firmwareFiles, replayUpload, unconfirmedFile, uploadCode, type StorageFile } from '../../../tools/flash/index.ts';
import { createStorage } from '../../../tools/simulator/storage.ts';

const interpreter = process.env.ESPRUINO;

function readBack(storage: ReturnType<typeof createStorage>, name: string): Uint8Array {
  const buffer = storage.readArrayBuffer(name);
  return buffer === undefined ? new Uint8Array(0) : new Uint8Array(buffer);
}

const upload = suite('uploadCode');

for (const board of boards) {
  upload(`the ${board.id} upload text, replayed into the Storage emulator, leaves .bootcde equal to the built bundle`, async () => {
    const files = await firmwareFiles(board, 'build');
    const storage = createStorage(board.storageBytes);
    const result = replayUpload(uploadCode(files, 'load'), storage);
    assert.equal(readBack(storage, '.bootcde'), files[0]!.bytes);
    assert.is(result.finished, 'load');
  });
}

upload('the files go as Storage.write lines of at most 384 bytes, prefixed so the REPL does not echo them, then one check line per file', () => {
  const file = { name: 'waygo.cfg', bytes: new Uint8Array(1000).fill(0xff) };
  const lines = uploadCode([file], 'none').split('\n').filter((l) => l !== '');
  assert.ok(lines.every((l) => l.startsWith('\x10')));
  const writes = lines.filter((l) => l.startsWith('\x10require("Storage").write("waygo.cfg",atob('));
  assert.is(writes.length, 3);
  assert.ok(writes[0]!.endsWith(',0,1000)'), 'the first write sizes the file');
  assert.ok(writes[1]!.endsWith(',384)'));
  assert.is(lines.length, 4);
  assert.match(lines[3]!, /E\.CRC32\(require\("Storage"\)\.read\("waygo\.cfg"\)\)/);
});

upload('the check lines the replayed upload prints confirm every file; a damaged or missing file is named', () => {
  const files = [{ name: 'waygo.keys', bytes: new Uint8Array([1, 2, 3]) }, { name: 'waygo.cfg', bytes: new Uint8Array([4, 5]) }];
  const { printed } = replayUpload(uploadCode(files, 'reboot'), createStorage(8192));
  assert.is(unconfirmedFile(files, printed), undefined);
  assert.is(unconfirmedFile(files, `>${fileCheckLine(files[0]!)}\r\n`), 'waygo.cfg');
  assert.is(unconfirmedFile([{ name: 'waygo.keys', bytes: new Uint8Array([9]) }], printed), 'waygo.keys');
});

upload('the finish is load(), E.reboot() or nothing', () => {
  const file: StorageFile = { name: 'a', bytes: new Uint8Array([1]) };
  assert.ok(uploadCode([file], 'load').endsWith('\x10load()\n'));
  assert.ok(uploadCode([file], 'reboot').endsWith('\x10setTimeout(function(){E.reboot()},500)\n'));
  assert.is(replayUpload(uploadCode([file], 'none'), createStorage(8192)).finished, 'none');
});

upload('an unbuilt board is named with the build to run', async () => {
  try {
    await firmwareFiles(boards[0]!, 'no-such-build-dir');
    assert.unreachable('should throw');
  } catch (err) {
    assert.is((err as FlashError).code, 'not_built');
  }
});

upload('an empty file is refused: Storage cannot hold one', () => {
  assert.throws(() => uploadCode([{ name: 'x', bytes: new Uint8Array(0) }], 'none'), /empty/);
});

upload('any set of files with any bytes survives upload and replay', () => {
  const fileArb = fc.record({ name: fc.stringMatching(/^[a-z.]{1,20}$/), bytes: fc.uint8Array({ minLength: 1, maxLength: 1500 }) });
  fc.assert(fc.property(fc.uniqueArray(fileArb, { minLength: 1, maxLength: 4, selector: (f) => f.name }), (files) => {
    const storage = createStorage(40 * 1024);
    replayUpload(uploadCode(files, 'none'), storage);
    for (const file of files) assert.equal(readBack(storage, file.name), file.bytes);
  }), { numRuns: 40 });
});

upload.run();

const onInterpreter = suite('uploadCode on the Espruino interpreter');
const name = 'the puckjs upload text run by the Linux interpreter stores a .bootcde equal to the built bundle and confirms it by CRC-32';
if (!interpreter) {
  onInterpreter.skip(name, () => undefined);
} else {
  onInterpreter(name, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waygo-flash-'));
    try {
      const files = await firmwareFiles(boards[0]!, 'build');
      // The REPL's DLE and Ctrl-C only steer echo; a script file holds the same statements.
      await writeFile(join(dir, 'upload.js'), uploadCode(files, 'none').split('\x10').join(''), 'latin1');
      await writeFile(join(dir, 'read.js'), 'var s=require("Storage").read(".bootcde");for(var i=0;i<s.length;i+=384)print("B64:"+btoa(s.substr(i,384)));');
      const run = (file: string) => new Promise<string>((done, fail) => {
        execFile(interpreter, [file], { cwd: dir, timeout: 30_000, maxBuffer: 1 << 24 }, (err, stdout) => (err ? fail(err) : done(stdout)));
      });
      assert.is(unconfirmedFile(files, await run('upload.js')), undefined, 'E.CRC32 on the interpreter matches the tool\'s CRC-32');
      const printed = await run('read.js');
      const stored = Buffer.concat(printed.split('\n').filter((l) => l.startsWith('B64:')).map((l) => Buffer.from(l.slice(4).trim(), 'base64')));
      assert.equal(new Uint8Array(stored), files[0]!.bytes);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
onInterpreter.run();
