import type { BoardData } from '../../core/board.ts';

// Puck.js v2 (boards/PUCKJS.py): 10 pages of saved code. It exposes six IO pads (D1, D2, D28-D31); four
// outputs and the UART (D28/D29, Serial1 when D28 is pulled up at start) take them all, so the inputs are
// the capacitive-sense pad D11 and the built-in button D0.
export const board: BoardData = {
  id: 'puckjs',
  product: 'WayGoBox Light',
  espruinoBoard: 'PUCKJS',
  storageBytes: 40 * 1024,
  pins: { outputs: ['D1', 'D2', 'D30', 'D31'], inputs: ['D11', 'D0'], uart: { tx: 'D28', rx: 'D29' } },
  outputActiveLevel: 1,
  leds: ['D5', 'D4', 'D3'],
  buttons: ['D0'],
  display: 'leds',
  crypto: { sha1: true, sha256: true, aes: true },
};
