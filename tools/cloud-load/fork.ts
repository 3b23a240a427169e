import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadResult } from './load.ts';

const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** `--import tsx` resolves from the working directory, so the worker starts in the repository whatever the caller's is. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `job` in a child process (node:child_process fork of worker.ts) and resolves with its result. */
export function forkLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const limit = setTimeout(() => {
      child.kill();
      reject(new Error(`the ${job.scenario} load did not finish in time`));
    }, job.warmupMs + job.durationMs + 30_000);
    let answered = false;
    child.once('message', (message: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      answered = true;
      clearTimeout(limit);
      if (message.ok) resolve(message.result);
      else reject(new Error(`the ${job.scenario} load failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      clearTimeout(limit);
      if (!answered) reject(new Error(`the load process exited with code ${code} before answering`));
    });
    child.send(job);
  });
}
