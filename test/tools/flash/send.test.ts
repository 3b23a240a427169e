// The real upload path (the espruino tools' connection code in a child process) against a stand-in for a box's
// REPL on TCP, the transport the tools use for the Linux interpreter's --telnet: what arrives must be our text.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { main } from '../../../tools/cli/main.ts';
import { replayUpload, sendToBox, unconfirmedFile, uploadCode } from '../../../tools/flash/index.ts';
import { createStorage } from '../../../tools/simulator/storage.ts';

let received = '';
let storage = createStorage(40 * 1024);
const server = createServer((socket: Socket) => {
  socket.setEncoding('latin1');
  socket.write('>');
  let pending = '';
  socket.on('data', (data: string) => {
    received += data;
    pending += data;
    const end = pending.lastIndexOf('\n') + 1;
    const lines = pending.slice(0, end).split('\n').filter((l) => l !== '');
    pending = pending.slice(end);
    for (const line of lines) {
      // The tools ask the board what it is once connected; a box answers with its process.env. Upload lines run
      // as the box's REPL would run them, against a Storage emulator.
      if (line.includes('process.env')) socket.write('< << {"VERSION":"2v29","BOARD":"PUCKJS","MODULES":"Storage"} >> >\r\n>');
      else socket.write(`${replayUpload(`${line}\n`, storage).printed}>`);
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;

const send = suite('sendToBox');
send.before.each(() => {
  received = '';
  storage = createStorage(40 * 1024);
});
send.after(() => void server.close());

send('the upload text reaches the box byte for byte, with progress over its whole length, and the box confirms the file', async () => {
  const files = [{ name: 'waygo.cfg', bytes: new Uint8Array(900).map((_, i) => i & 0xff) }];
  const text = uploadCode(files, 'load');
  const progress: [number, number][] = [];
  await sendToBox({ port, ble: false, text, holdMs: 200, onProgress: (sent, total) => progress.push([sent, total]), confirm: (printed) => unconfirmedFile(files, printed) });
  assert.ok(received.endsWith(text), JSON.stringify(received.slice(-80)));
  assert.ok(progress.length > 0 && progress.every(([, total]) => total === text.length), JSON.stringify(progress));
  assert.equal(new Uint8Array(storage.readArrayBuffer('waygo.cfg')!), files[0]!.bytes);
});

send('a box that does not confirm a file fails the send, naming the file', async () => {
  const files = [{ name: 'waygo.keys', bytes: new Uint8Array([1, 2, 3]) }];
  const other = [{ name: 'waygo.keys', bytes: new Uint8Array([1, 2, 4]) }];
  try {
    await sendToBox({ port, ble: false, text: uploadCode(files, 'none'), holdMs: 200, confirm: (printed) => unconfirmedFile(other, printed) });
    assert.unreachable('the send should fail');
  } catch (err) {
    assert.match((err as Error).message, /did not confirm waygo\.keys/);
  }
});

send('the flash command sends the built bundle to a port, and says so once the box confirmed it', async () => {
  // A small stand-in bundle: the tools pace each Storage.write line, so the real one takes seconds per kilobyte.
  const build = mkdtempSync(join(tmpdir(), 'waygo-flash-build-'));
  mkdirSync(join(build, 'mdbt42q'));
  writeFileSync(join(build, 'mdbt42q', 'firmware.min.js'), 'print("WayGo")');
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  try {
    const code = await main(['flash', '--board', 'mdbt42q', '--port', port, '--build', build], { stdin: new PassThrough(), stdout, stderr: new PassThrough() });
    assert.is(code, 0);
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
  assert.match(out, /flashing mdbt42q through tcp:\/\/127\.0\.0\.1:\d+\n[\s\S]*flashed mdbt42q: the box read back \.bootcde intact \(CRC-32\)\n/);
  assert.is(storage.read('.bootcde'), 'print("WayGo")');
  assert.ok(received.includes('\x10require("Storage").write(".bootcde",atob('));
  assert.ok(received.endsWith('\x10load()\n'));
});

send('no box at the port fails with one line', async () => {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d) => (err += d));
  const code = await main(['flash', '--board', 'puckjs', '--port', 'tcp://127.0.0.1:9'], { stdin: new PassThrough(), stdout: new PassThrough(), stderr });
  assert.is(code, 1);
  assert.match(err, /waygo flash: /);
});

send.run();
