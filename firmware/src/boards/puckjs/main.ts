import { start } from '../espruino/index.ts';
import { board } from './board.ts';

start(board);
