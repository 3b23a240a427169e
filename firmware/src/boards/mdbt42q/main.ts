import { aes256CbcDecrypt, aes256CbcEncrypt } from '../../crypto/index.ts';
import { boardCrypto } from '../espruino/crypto.ts';
import { start } from '../espruino/index.ts';
import { board } from './board.ts';

// Native SHA256 but no AES on this board's firmware build.
start(board, boardCrypto(board.crypto, { aes256CbcEncrypt, aes256CbcDecrypt }));
