import { BOARD } from '../../../../shared/protocol/constants.ts';
import type { BoardData } from '../../core/board.ts';

// MDBT42Q module (boards/MDBT42Q.py): 10 pages of saved code, LED1 on D1, LED2 on D2, BTN1 on D0 (breakout
// board). The machine's IO takes the breakout's right edge (D14-D19) and its UART D25/D26 on the left edge, so
// the console pins D6 (TX) / D8 (RX) stay free for install mode.
export const board: BoardData = {
  id: 'mdbt42q',
  product: 'WayGoBox Module',
  espruinoBoard: 'MDBT42Q',
  wireId: BOARD.MDBT42Q,
  storageBytes: 40 * 1024,
  pins: { outputs: ['D14', 'D15', 'D16', 'D17'], inputs: ['D18', 'D19'], uart: { tx: 'D25', rx: 'D26' } },
  outputActiveLevel: 1,
  leds: ['D1', 'D2'],
  buttons: ['D0'],
  display: 'leds',
  crypto: { sha1: true, sha256: true, aes: false },
};
