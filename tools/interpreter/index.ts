export { bootFromStorage, runFile, runUntil } from './run.ts';
export { runBoxOnInterpreter, type BoxRun } from './box-run.ts';
