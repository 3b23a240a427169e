import { aes256CbcDecrypt, aes256CbcEncrypt } from '../../crypto/index.ts';
import { boardCrypto } from '../espruino/crypto.ts';
import { start } from '../espruino/index.ts';
import { createLedUi } from '../espruino/led-ui.ts';
import { board } from './board.ts';

declare const E: { getBattery(): number };

// Native SHA256 but no AES on this board's firmware build.
start(board, {
  crypto: boardCrypto(board.crypto, { aes256CbcEncrypt, aes256CbcDecrypt }),
  ui: () => createLedUi(board.leds, E.getBattery() < 20),
});
