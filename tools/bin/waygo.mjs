#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on load so the repository needs no build step before use.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
