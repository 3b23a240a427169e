import { boardCrypto } from '../espruino/crypto.ts';
import { start } from '../espruino/index.ts';
import { board } from './board.ts';

// Native AES and SHA256 on this board: no JS fallback in the bundle.
start(board, boardCrypto(board.crypto, {}));
