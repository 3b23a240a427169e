// A built firmware bundle on the interpreter with a scripted wallet: the Linux build has no LCD and no BLE stack,
// so a stand-in `g` records what the Pixl.js would draw and a stand-in NRF (assigned through `global`, the only
// way the interpreter accepts) captures the service's write handler and the notifications. E.getBattery, absent
// there, reads 90 %, and inputs (the Pixl.js buttons are on H pins the Linux build lacks) read low. Storage,
// crypto, timers and the watchdog are the interpreter's own.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Reassembler, encodeKeyFile, splitMessage } from '../../shared/protocol/index.ts';
import type { BoxKeys } from '../../shared/protocol/index.ts';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { boardFiles } from '../build/board-files.ts';
import { bootFromStorage, writeStorageFile } from './run.ts';

// The stand-ins cost JsVars the box does not spend (its NRF and g are native): one shared no-op keeps them few.
const fakeLcd = 'var g={clear:waygoNop,flip:waygoNop,setFont:waygoNop,drawImage:waygoNop,drawString:function(s){print("lcd:"+s)}};\n';
const fakeNrf = 'var waygoWrite,waygoOn={},waygoPeak=0;function waygoNop(){}function waygoSample(){var m=process.memory().usage;if(m>waygoPeak)waygoPeak=m;}' +
  'global.NRF={setServices:function(s,o){print("nrf:uart="+o.uart);for(var k in s)for(var c in s[k])if(s[k][c].onWrite)waygoWrite=s[k][c].onWrite;},' +
  'setAdvertising:waygoNop,setAddress:waygoNop,updateServices:function(u){waygoSample();for(var k in u)for(var c in u[k])print("ntf:"+btoa(E.toString(u[k][c].value)));},' +
  'on:function(e,f){waygoOn[e]=f;print("nrf:on:"+e)},disconnect:waygoNop};E.getBattery=function(){return 90};' +
  'global.digitalRead=function(){return 0};global.pinMode=waygoNop;global.setWatch=waygoNop;\n';

/**
 * The requests as Storage files `wv0`, `wv1`… (base64 chunks joined by commas), written by the prelude before the
 * firmware boots: read one at a time from flash, they do not sit in RAM beside the box as a script literal would.
 */
function visitFiles(requests: Uint8Array[]): string {
  return requests.map((message, k) => `require("Storage").write("wv${k}","${splitMessage(message, 20)
    .map((c) => Buffer.from(c).toString('base64')).join(',')}");\n`).join('');
}

/**
 * After boot: print memory, connect, then write each request's chunks, one request every `stepMs` (the box answers
 * and acts between them), printing each notification as it goes and sampling memory at every notification, and
 * timing each request's writes (the last chunk runs the whole handling: opening, checks and starting the action,
 * up to the reply). At the end: the peak, the times beside two baselines (a 64-byte JS loop and a native SHA256 of
 * 64 bytes) and memory.
 */
function walletScript(stepMs: number): string {
  // Each baseline is the fastest of 5 batches of 20: the machines are shared, and a batch that was interrupted
  // says nothing about the interpreter.
  const baseline = 'var b=new Uint8Array(64),c=require("crypto"),loop=1e9,sha=1e9,t,n,r,i;for(r=0;r<5;r++){t=getTime();' +
    'for(n=0;n<20;n++)for(i=0;i<64;i++)b[i]^=i;loop=Math.min(loop,(getTime()-t)/20);t=getTime();' +
    'for(n=0;n<20;n++)c.SHA256(b);sha=Math.min(sha,(getTime()-t)/20);}';
  return '\nvar waygoK=0,waygoTimes=[];setTimeout(function(){print("idle:"+JSON.stringify(process.memory()));waygoOn.connect();' +
    'var step=setInterval(function(){var s=require("Storage").read("wv"+waygoK++);if(s===undefined){clearInterval(step);' +
    `${baseline}print("peak:"+JSON.stringify({usage:waygoPeak}));` +
    'print("timed:"+JSON.stringify({steps:waygoTimes,loop:loop,sha:sha}));print("memory:"+JSON.stringify(process.memory()));return;}' +
    'var t=getTime();s.split(",").forEach(function(c){waygoWrite({data:E.toArrayBuffer(atob(c))});});' +
    `waygoTimes.push(Math.round((getTime()-t)*1e6));waygoSample();},${stepMs});},100);\n`;
}

export interface BoxRun {
  printed: string;
  /** Reassembled messages the box notified, in order. */
  replies: Uint8Array[];
  /** process.memory().usage (JsVars) after boot, and after the requests; undefined when not reached. */
  idleJsVars?: number;
  afterJsVars?: number;
  /** The most JsVars in use at any notification or after any request. */
  peakJsVars?: number;
  /** Microseconds each request's writes took on the interpreter (empty when the run did not finish). */
  stepMicros: number[];
  /** Microseconds of the same-run baselines: one pass of a 64-byte JS loop, one native SHA256 of 64 bytes. */
  loopMicros?: number;
  sha256Micros?: number;
  outOfMemory: boolean;
}

function usage(printed: string, label: string): number | undefined {
  const match = new RegExp(`${label}:\\{[^}]*"usage":(\\d+)`).exec(printed);
  return match ? Number(match[1]) : undefined;
}

export interface RunOptions {
  /** Milliseconds between requests (default 400, enough for a pay-by-count action of a few pulses). */
  stepMs?: number;
  /** E.hwRand returns this byte four times over, so nonces and IVs are known in advance (see visit.ts). */
  pinnedRandomByte?: number;
  /** More Storage files written before boot (the Pixl.js display settings `waygo.ui`, for example). */
  files?: Record<string, Uint8Array>;
}

/**
 * Provisions `keys`, stores the build's Storage modules as `waygo flash` does, boots `<buildDir>/<board>/firmware.min.js`
 * from Storage and sends `requests` over the link.
 */
export async function runBoxOnInterpreter(
  interpreter: string, board: BoardData, buildDir: string, keys: BoxKeys, requests: Uint8Array[], workDir: string,
  options: RunOptions = {},
): Promise<BoxRun> {
  await mkdir(workDir, { recursive: true });
  // A fresh Storage: a log left by an earlier run would answer this run's txnIds as duplicates.
  await rm(join(workDir, 'espruino.flash'), { force: true });
  const stored: Record<string, Uint8Array> = { ...options.files, 'waygo.keys': encodeKeyFile(keys) };
  const provision = Object.keys(stored).map((name) => `require("Storage").write("${name}",atob("${Buffer.from(stored[name]!).toString('base64')}"));\n`).join('');
  const code = await readFile(join(buildDir, board.id, 'firmware.min.js'));
  for (const file of await boardFiles(buildDir, board)) if (file.name !== '.bootcde') await writeStorageFile(interpreter, file.name, file.bytes, workDir);
  const pinned = options.pinnedRandomByte === undefined ? '' : `E.hwRand=function(){return ${options.pinnedRandomByte * 0x1010101}};\n`;
  const prelude = Buffer.from(provision + visitFiles(requests) + fakeNrf + pinned + (board.display === 'lcd' ? fakeLcd : ''));
  const printed = await bootFromStorage(interpreter, Buffer.concat([prelude, code, Buffer.from(walletScript(options.stepMs ?? 400))]), workDir, /memory:.*\n|OUT OF MEMORY/);
  const timedLine = /timed:(\{.*\})/.exec(printed);
  const timed = timedLine ? JSON.parse(timedLine[1]!) as { steps: number[]; loop: number; sha: number } : undefined;
  const wallet = new Reassembler();
  const replies: Uint8Array[] = [];
  for (const match of printed.matchAll(/ntf:([A-Za-z0-9+/=]+)/g)) {
    const pushed = wallet.push(new Uint8Array(Buffer.from(match[1]!, 'base64')), 0);
    if (pushed.state === 'message') replies.push(pushed.message);
  }
  return {
    printed, replies, idleJsVars: usage(printed, 'idle'), afterJsVars: usage(printed, 'memory'), peakJsVars: usage(printed, 'peak'),
    outOfMemory: printed.includes('OUT OF MEMORY'), stepMicros: timed === undefined ? [] : timed.steps,
    loopMicros: timed === undefined ? undefined : Math.round(timed.loop * 1e6),
    sha256Micros: timed === undefined ? undefined : Math.round(timed.sha * 1e6),
  };
}
