// The load generator's own process: receives one LoadJob over IPC, answers its LoadResult, exits. A separate
// process so the client's work never shares the server's event loop.
import { runLoad, type LoadJob } from './load.ts';

process.once('message', (job: LoadJob) => {
  runLoad(job).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  );
});
