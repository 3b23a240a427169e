export { bootFromStorage, runFile, runUntil, writeStorageFile } from './run.ts';
export { runBoxOnInterpreter, type BoxRun, type RunOptions } from './box-run.ts';
export { PINNED_RANDOM_BYTE, paymentVisit } from './visit.ts';

