// A built firmware bundle on the interpreter with a scripted wallet: the Linux build has no LCD and no BLE stack,
// so a stand-in `g` records what the Pixl.js would draw and a stand-in NRF (assigned through `global`, the only
// way the interpreter accepts) captures the service's write handler and the notifications. E.getBattery, absent
// there, reads 90 %, and inputs (the Pixl.js buttons are on H pins the Linux build lacks) read low. Storage,
// crypto, timers and the watchdog are the interpreter's own.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Reassembler, encodeKeyFile, splitMessage } from '../../shared/protocol/index.ts';
import type { BoxKeys } from '../../shared/protocol/index.ts';
import type { BoardData } from '../../firmware/src/core/board.ts';
import { bootFromStorage } from './run.ts';

const fakeLcd = 'var g={clear:function(){},flip:function(){},setFont:function(){},drawImage:function(){},' +
  'drawString:function(s){print("lcd:"+s)}};\n';
const fakeNrf = 'var waygoOut=[],waygoWrite,waygoOn={};global.NRF={setServices:function(s,o){print("nrf:uart="+o.uart);' +
  'for(var k in s)for(var c in s[k])if(s[k][c].onWrite)waygoWrite=s[k][c].onWrite;},setAdvertising:function(){},' +
  'setAddress:function(){},updateServices:function(u){for(var k in u)for(var c in u[k])waygoOut.push(btoa(E.toString(u[k][c].value)));},' +
  'on:function(e,f){waygoOn[e]=f;print("nrf:on:"+e)},disconnect:function(){}};E.getBattery=function(){return 90};' +
  'global.digitalRead=function(){return 0};global.pinMode=function(){};global.setWatch=function(){};\n';

/** After boot: print memory, connect, write each request's chunks, print every notification and memory again. */
function walletScript(requests: Uint8Array[]): string {
  const writes = requests.map((message) => splitMessage(message, 20)
    .map((c) => `waygoWrite({data:E.toArrayBuffer(atob("${Buffer.from(c).toString('base64')}"))});`).join(''));
  return `\nsetTimeout(function(){print("idle:"+JSON.stringify(process.memory()));waygoOn.connect();${writes.join('')}` +
    'setTimeout(function(){print("notified:"+waygoOut.join(","));print("memory:"+JSON.stringify(process.memory()));},300);},100);\n';
}

export interface BoxRun {
  printed: string;
  /** Reassembled messages the box notified, in order. */
  replies: Uint8Array[];
  /** process.memory().usage (JsVars) after boot, and after the requests; undefined when not reached. */
  idleJsVars?: number;
  afterJsVars?: number;
  outOfMemory: boolean;
}

function usage(printed: string, label: string): number | undefined {
  const match = new RegExp(`${label}:\\{[^}]*"usage":(\\d+)`).exec(printed);
  return match ? Number(match[1]) : undefined;
}

/** Provisions `keys`, boots `<buildDir>/<board>/firmware.min.js` from Storage and sends `requests` over the link. */
export async function runBoxOnInterpreter(
  interpreter: string, board: BoardData, buildDir: string, keys: BoxKeys, requests: Uint8Array[], workDir: string,
): Promise<BoxRun> {
  await mkdir(workDir, { recursive: true });
  const provision = `require("Storage").write("waygo.keys",atob("${Buffer.from(encodeKeyFile(keys)).toString('base64')}"));\n`;
  const code = await readFile(join(buildDir, board.id, 'firmware.min.js'));
  const prelude = Buffer.from(provision + fakeNrf + (board.display === 'lcd' ? fakeLcd : ''));
  const printed = await bootFromStorage(interpreter, Buffer.concat([prelude, code, Buffer.from(walletScript(requests))]), workDir, /memory:.*\n|OUT OF MEMORY/);
  const line = /notified:([A-Za-z0-9+/=,]*)/.exec(printed);
  const wallet = new Reassembler();
  const replies: Uint8Array[] = [];
  for (const chunk of line ? line[1]!.split(',').filter(Boolean) : []) {
    const pushed = wallet.push(new Uint8Array(Buffer.from(chunk, 'base64')), 0);
    if (pushed.state === 'message') replies.push(pushed.message);
  }
  return {
    printed, replies, idleJsVars: usage(printed, 'idle'), afterJsVars: usage(printed, 'memory'),
    outOfMemory: printed.includes('OUT OF MEMORY'),
  };
}
