// The installer page's logic, independent of the DOM and the radio: what a box in install mode reports about
// itself, and the wiring test with one pulse per output.
import type { BoardData } from '../../../firmware/src/core/board.ts';
import { board as mdbt42q } from '../../../firmware/src/boards/mdbt42q/board.ts';
import { board as pixljs } from '../../../firmware/src/boards/pixljs/board.ts';
import { board as puckjs } from '../../../firmware/src/boards/puckjs/board.ts';
import { parseWiringOutput, wiringTestCode, type WiringEvent } from '../../cli/wiring-test/wiring-code.ts';
import type { BoxConnection } from './connection.ts';

const BOARDS: BoardData[] = [puckjs, pixljs, mdbt42q];

export interface BoxInfo {
  /** Espruino's board name (PUCKJS …) and ours, when it is one of the WayGo boards. */
  espruinoBoard: string;
  board: BoardData | undefined;
  /** The interpreter's version (process.env.VERSION). */
  espruinoVersion: string;
  /** The WayGo firmware's size in Storage, 0 when none is flashed. */
  firmwareBytes: number;
  /** Its version, read from the boot banner text in the bundle ("WayGo 0.1.0 puckjs"), or undefined. */
  firmwareVersion: string | undefined;
  provisioned: boolean;
  configured: boolean;
  batteryPercent: number;
}

// One expression, so one round trip (the connection JSON-encodes its value): Puck.js reports its battery through
// Puck.getBatteryPercentage where the interpreter has it; E.getBattery works on all three boards otherwise. The
// firmware version is the text after the boot banner's "WayGo " in the stored bundle: pretokenising leaves
// string literals as they are, and reading .bootcde maps flash without copying it into RAM.
export const INFO_EXPRESSION = '{b:process.env.BOARD,v:process.env.VERSION,'
  + 'p:(typeof Puck!=="undefined"&&Puck.getBatteryPercentage)?Puck.getBatteryPercentage():E.getBattery(),'
  + 'f:require("Storage").list(),c:(require("Storage").read(".bootcde")||"").length,'
  + 'w:(function(c){var i=c.indexOf("WayGo ");return i<0?"":c.substr(i+6,16);})(require("Storage").read(".bootcde")||"")}';

interface RawInfo { b: string; v: string; p: number; f: string[]; c: number; w: string }

export async function readBoxInfo(connection: BoxConnection): Promise<BoxInfo> {
  const answer = await connection.eval(INFO_EXPRESSION);
  const raw = (typeof answer === 'string' ? JSON.parse(answer) : answer) as RawInfo;
  return {
    espruinoBoard: raw.b, board: BOARDS.find((b) => b.espruinoBoard === raw.b), espruinoVersion: raw.v, firmwareBytes: raw.c,
    firmwareVersion: /^(\d+\.\d+\.\d+) /.exec(raw.w)?.[1],
    provisioned: raw.f.includes('waygo.keys'), configured: raw.f.includes('waygo.cfg'), batteryPercent: Math.round(raw.p),
  };
}

export interface WiringRun {
  events: WiringEvent[];
  done: boolean;
}

/**
 * Pulses one output (or all of them, `output` undefined) and resolves with what the box reported once it prints
 * its end line, or after `timeoutMs`.
 */
export function runWiringTest(connection: BoxConnection, board: BoardData, output: number | undefined, timeoutMs = 10_000): Promise<WiringRun> {
  let printed = '';
  return new Promise((resolve, reject) => {
    let stop = () => undefined as void;
    const timer = setTimeout(() => {
      stop();
      resolve(parseWiringOutput(printed));
    }, timeoutMs);
    stop = connection.onOutput((text) => {
      printed += text;
      const parsed = parseWiringOutput(printed);
      if (!parsed.done) return;
      clearTimeout(timer);
      stop();
      resolve(parsed);
    });
    connection.write(wiringTestCode(board, output === undefined ? {} : { output })).catch((err: unknown) => {
      clearTimeout(timer);
      stop();
      reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}

export function describeInfo(info: BoxInfo): string[] {
  return [
    `Board: ${info.board === undefined ? `${info.espruinoBoard} (not a WayGo board)` : `${info.board.product} (${info.board.id})`}`,
    `Espruino: ${info.espruinoVersion}`,
    `WayGo firmware: ${info.firmwareBytes === 0 ? 'not flashed' : `${info.firmwareVersion ?? 'unknown version'}, ${info.firmwareBytes} bytes in Storage`}`,
    `Keys: ${info.provisioned ? 'provisioned' : 'not provisioned'}; configuration: ${info.configured ? 'received' : 'none yet'}`,
    `Battery: ${info.batteryPercent}%`,
  ];
}
