import type { BoardData } from '../../core/board.ts';

// MDBT42Q module (boards/MDBT42Q.py): 10 pages of saved code, console UART on D6 (TX) / D8 (RX),
// LED1 on D1, LED2 on D2, BTN1 on D0 (breakout board).
export const board: BoardData = {
  id: 'mdbt42q',
  product: 'WayGoBox Module',
  espruinoBoard: 'MDBT42Q',
  storageBytes: 40 * 1024,
  pins: { outputs: ['D11', 'D12', 'D13', 'D14'], inputs: ['D15', 'D16'], uart: { tx: 'D6', rx: 'D8' } },
  outputActiveLevel: 1,
  leds: ['D1', 'D2'],
  buttons: ['D0'],
  display: 'leds',
  crypto: { sha1: true, sha256: true, aes: false },
};
