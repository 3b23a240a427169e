import { BOARD } from '../../../../shared/protocol/constants.ts';
import type { BoardData } from '../../core/board.ts';

// Pixl.js (boards/PIXLJS.py): 9 pages of saved code, Arduino header D0-D13 with the console UART on D0/D1.
// LED1 (the backlight) and the four buttons are on the internal H port, negated in software by Espruino.
export const board: BoardData = {
  id: 'pixljs',
  product: 'WayGoBox for Store',
  espruinoBoard: 'PIXLJS',
  wireId: BOARD.PIXLJS,
  storageBytes: 36 * 1024,
  pins: { outputs: ['D2', 'D3', 'D4', 'D5'], inputs: ['D6', 'D7'], uart: { tx: 'D1', rx: 'D0' } },
  outputActiveLevel: 1,
  leds: ['H0'],
  buttons: ['H1', 'H2', 'H3', 'H4'],
  display: 'lcd',
  crypto: { sha1: true, sha256: false, aes: false },
};
