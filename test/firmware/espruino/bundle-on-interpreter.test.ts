import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import { firmwareVersion } from '../../../firmware/src/core/index.ts';
import { boards, buildBoard, buildTarget } from '../../../tools/build/index.ts';
import { nodeCrypto } from '../../../shared/crypto/node.ts';
import { LABEL, MSG, Reassembler, checkTag, decodeMessage, encodeKeyFile, encodeMessage, splitMessage } from '../../../shared/protocol/index.ts';
import { deriveBoxKeys } from '../../../shared/protocol/keys.ts';

// Runs the bytes that go on the box (minified, pretokenised) on a Linux build of the Espruino interpreter:
// make test-espruino ESPRUINO=/path/to/espruino. Skipped without one.
const interpreter = process.env.ESPRUINO;

// The Linux build has no LCD and no BLE stack: a stand-in `g` records what the Pixl.js would draw, and a
// stand-in NRF (assigned through `global`, the only way the interpreter accepts) captures the service's write
// handler and the notifications; E.getBattery, absent there, reads 90 %, and inputs (the Pixl.js buttons are on
// H pins the Linux build lacks) read low. Storage, crypto, timers and the watchdog are the interpreter's own.
const fakeLcd = 'var g={clear:function(){},flip:function(){},setFont:function(){},drawImage:function(){},' +
  'drawString:function(s){print("lcd:"+s)}};\n';
const fakeNrf = 'var waygoOut=[],waygoWrite,waygoOn={};global.NRF={setServices:function(s,o){print("nrf:uart="+o.uart);' +
  'for(var k in s)for(var c in s[k])if(s[k][c].onWrite)waygoWrite=s[k][c].onWrite;},setAdvertising:function(){},' +
  'setAddress:function(){},updateServices:function(u){for(var k in u)for(var c in u[k])waygoOut.push(btoa(E.toString(u[k][c].value)));},' +
  'on:function(e,f){waygoOn[e]=f;print("nrf:on:"+e)},disconnect:function(){}};E.getBattery=function(){return 90};' +
  'global.digitalRead=function(){return 0};global.pinMode=function(){};global.setWatch=function(){};\n';

/** After boot: connect, write each request's chunks, print every notification, then stop the interpreter. */
function walletScript(requests: Uint8Array[][]): string {
  const writes = requests.map((chunks) => chunks.map((c) => `waygoWrite({data:E.toArrayBuffer(atob("${Buffer.from(c).toString('base64')}"))});`).join(''));
  return `\nsetTimeout(function(){print("idle:"+JSON.stringify(process.memory()));waygoOn.connect();${writes.join('')}` +
    'setTimeout(function(){print("notified:"+waygoOut.join(","));print("memory:"+JSON.stringify(process.memory()));},300);},100);\n';
}

function runEspruino(file: string, cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(interpreter!, [file], { cwd, timeout: 30_000 }, (err, stdout) => (err ? fail(err) : done(stdout)));
  });
}

function escapeBytes(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 32 && byte < 127 && byte !== 34 && byte !== 92 ? String.fromCharCode(byte) : '\\x' + byte.toString(16).padStart(2, '0');
  return text;
}

/**
 * Stores `content` as .bootcde and boots it, as a box runs its code: from Storage, function bodies left in flash.
 * The file goes in 1 KB pieces, one interpreter run each (espruino.flash persists in `dir`), so no run holds the
 * whole bundle in RAM; load() then resets the interpreter and runs .bootcde.
 */
async function bootFromStorage(content: Buffer, dir: string): Promise<string> {
  for (let at = 0; at < content.length; at += 1024) {
    const piece = escapeBytes(content.subarray(at, at + 1024));
    await writeFile(join(dir, 'write.js'), `require("Storage").write(".bootcde","${piece}",${at},${content.length});\n`);
    await runEspruino('write.js', dir);
  }
  await writeFile(join(dir, 'boot.js'), 'load();\n');
  return runUntil('boot.js', dir, /memory:.*\n/);
}

/** Runs until `done` matches the output, then stops the interpreter: after load() there is no quit(). */
function runUntil(file: string, cwd: string, done: RegExp): Promise<string> {
  return new Promise((resolve, fail) => {
    const child = spawn(interpreter!, [file], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.on('data', (d) => {
      printed += d;
      if (done.test(printed)) child.kill();
    });
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(printed);
    });
  });
}

/** The messages the box notified, reassembled as a wallet would. */
function replies(printed: string): Uint8Array[] {
  // The REPL prompt may stand before the line.
  const line = /notified:([A-Za-z0-9+/=,]*)/.exec(printed);
  assert.ok(line, printed);
  const wallet = new Reassembler();
  const messages: Uint8Array[] = [];
  for (const chunk of line![1]!.split(',').filter(Boolean)) {
    const pushed = wallet.push(new Uint8Array(Buffer.from(chunk, 'base64')), 0);
    if (pushed.state === 'message') messages.push(pushed.message);
  }
  return messages;
}

const onInterpreter = suite('firmware.min.js on the Espruino interpreter');
const out = await mkdtemp(join(tmpdir(), 'waygo-espruino-run-'));
onInterpreter.after(() => (process.env.KEEP ? undefined : rm(out, { recursive: true, force: true })));

for (const board of boards) {
  const name = `the ${board.id} bundle boots from its key file, serves BLE without the REPL and proves its key over the link`;
  if (!interpreter) {
    onInterpreter.skip(name, () => undefined);
    continue;
  }
  onInterpreter(name, async () => {
    const dir = join(out, board.id);
    await buildBoard(buildTarget(board), out);
    const keys = deriveBoxKeys(nodeCrypto.randomBytes(32), nodeCrypto.randomBytes(8), 1);
    const challenge = nodeCrypto.randomBytes(16);
    const provision = `require("Storage").write("waygo.keys",atob("${Buffer.from(encodeKeyFile(keys)).toString('base64')}"));\n`;
    const wallet = walletScript([
      splitMessage(encodeMessage(MSG.HELLO_REQUEST, { challenge }), 20),
      splitMessage(encodeMessage(MSG.INFO_REQUEST, {}), 20),
    ]);
    const code = await readFile(join(dir, 'firmware.min.js'));
    const prelude = Buffer.from(provision + fakeNrf + (board.display === 'lcd' ? fakeLcd : ''));
    const printed = await bootFromStorage(Buffer.concat([prelude, code, Buffer.from(wallet)]), dir);
    const banner = `WayGo ${firmwareVersion} ${board.id}`;
    assert.ok(printed.includes(`${banner} crc=${crc16(utf8Encode(banner)).toString(16).padStart(4, '0')}`), printed);
    assert.ok(printed.includes('nrf:uart=false'), 'the Nordic UART REPL service is off');
    assert.not.ok(/Uncaught|ERROR/.test(printed), printed);
    const [hello, info] = replies(printed);
    assert.ok(hello && checkTag(nodeCrypto, keys.macKey, LABEL.HELLO, challenge, hello, 2), 'the HELLO proof checks with the cloud\'s keys');
    const decoded = decodeMessage(info!);
    assert.ok(decoded.ok && decoded.type === MSG.INFO && decoded.fields.boardId === board.wireId, printed);
  });
}

onInterpreter.run();
