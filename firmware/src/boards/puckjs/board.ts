import { BOARD } from '../../../../shared/protocol/constants.ts';
import type { BoardData } from '../../core/board.ts';

// Puck.js v2 (boards/PUCKJS.py, board_v2): 10 pages of saved code. Pads D1, D2 (right) and D28-D31 (bottom)
// carry the four outputs and the UART (D28/D29 are Serial1's pins); the inputs use the back pads D23 and D24,
// which are plain GPIO, not D11 (its capacitive-sense resistor to D12 makes it a poor logic input).
export const board: BoardData = {
  id: 'puckjs',
  product: 'WayGoBox Light',
  espruinoBoard: 'PUCKJS',
  wireId: BOARD.PUCKJS,
  storageBytes: 40 * 1024,
  pins: { outputs: ['D1', 'D2', 'D30', 'D31'], inputs: ['D23', 'D24'], uart: { tx: 'D28', rx: 'D29' } },
  outputActiveLevel: 1,
  leds: ['D5', 'D4', 'D3'],
  buttons: ['D0'],
  display: 'leds',
  crypto: { sha1: true, sha256: true, aes: true },
};
