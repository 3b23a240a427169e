import { crc16, utf8Encode } from '../../../shared/bytes/index.ts';
import type { BoardData } from './board.ts';
import type { Device } from './io.ts';
import { setOutputsInactive } from './outputs.ts';

export const firmwareVersion = '0.1.0';

export interface BootReport {
  banner: string;
  /** CRC-16 of the banner's UTF-8 bytes: proves the shared byte code runs on the box. */
  crc: number;
}

function hex4(value: number): string {
  return ('000' + value.toString(16)).slice(-4);
}

/** The first thing the box runs: safe outputs, then a banner on the log (and the LCD where there is one). */
export function boot(board: BoardData, device: Device, log: (line: string) => void): BootReport {
  setOutputsInactive(device.outputs);
  const banner = 'WayGo ' + firmwareVersion + ' ' + board.id;
  const crc = crc16(utf8Encode(banner));
  log(banner + ' crc=' + hex4(crc));
  if (device.display) device.display.show([board.product, banner, 'crc ' + hex4(crc)]);
  return { banner, crc };
}
