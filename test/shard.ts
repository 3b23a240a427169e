// One uvu run over the files named on the command line (see run.ts).
import { run } from 'uvu/run';
import { relative } from 'node:path';

const files = process.argv.slice(2);
await run(files.map((file) => ({ name: relative(process.cwd(), file), file })), { bail: false });
