import { aes256CbcDecrypt, aes256CbcEncrypt, sha256 } from '../../crypto/index.ts';
import { boardCrypto } from '../espruino/crypto.ts';
import { Lcd, start } from '../espruino/index.ts';
import { readDisplayConfig } from './display-config.ts';
import { board } from './board.ts';
import { createScreenUi } from './screen-ui.ts';

const lcd = new Lcd();
// SHA1 is the only native hash on this board's firmware build: SHA-256 and AES come as JS.
start(board, {
  crypto: boardCrypto(board.crypto, { sha256, aes256CbcEncrypt, aes256CbcDecrypt }),
  display: lcd,
  ui: (log) => createScreenUi(lcd, board.buttons, readDisplayConfig(), log),
});
