import { boardCrypto } from '../espruino/crypto.ts';
import { start } from '../espruino/index.ts';
import { createLedUi } from '../espruino/led-ui.ts';
import { board } from './board.ts';

declare const E: { getBattery(): number };

// Native AES and SHA256 on this board: no JS fallback in the bundle.
start(board, { crypto: boardCrypto(board.crypto, {}), ui: () => createLedUi(board.leds, E.getBattery() < 20) });
