// Drives N concurrent keep-alive connections through one scenario for a fixed time (or a fixed number of
// operations) and reports the rate over the timed part only, in one-second windows, with latencies.
import { PAYMENT_STEPS, bareOnce, payOnce, resolveOnce, type ClientBox, type PaymentStep } from './flows.ts';
import { httpClient } from './http.ts';
import { keysFromHex, type LoadWorld } from './seed.ts';
import { spreadOf, summarize, type LatencySummary } from './stats.ts';

export type Scenario = 'bare' | 'resolve' | 'payment';

export interface LoadJob {
  url: string;
  scenario: Scenario;
  connections: number;
  /** Run but do not count, so connections, JIT and SQLite caches are warm when timing starts. */
  warmupMs: number;
  durationMs: number;
  /** Stop after this many counted operations (tests); the duration still bounds the run. */
  maxOps?: number;
  world: LoadWorld;
}

export interface LoadResult {
  scenario: Scenario;
  ops: number;
  seconds: number;
  opsPerSecond: number;
  spread: number;
  latency: LatencySummary;
  /** Per payment step, for the payment scenario. */
  steps: Partial<Record<PaymentStep, LatencySummary>>;
  errors: number;
  firstError?: string;
}

/** Past this many failures the run stops: the figures would describe errors, not the service. */
const MAX_ERRORS = 20;

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const client = httpClient(job.url, job.connections);
  const clients: ClientBox[] = Array.from({ length: job.connections }, (_, i) => {
    const box = job.world.boxes[i % job.world.boxes.length]!;
    return { keys: keysFromHex(box.keys), boxId: box.id, wallet: job.world.wallets[i % job.world.wallets.length]!, counter: 0 };
  });
  if (job.scenario === 'payment' && job.world.boxes.length < job.connections) throw new Error('a payment load needs a box per connection');
  const start = performance.now();
  const timedFrom = start + job.warmupMs;
  const end = timedFrom + job.durationMs;
  const windows = new Array<number>(Math.ceil(job.durationMs / 1000)).fill(0);
  const latencies: number[] = [];
  const stepSamples = Object.fromEntries(PAYMENT_STEPS.map((s) => [s, [] as number[]])) as Record<PaymentStep, number[]>;
  let ops = 0;
  let errors = 0;
  let firstError: string | undefined;
  let lastDone = timedFrom;
  const busy = () => performance.now() < end && errors < MAX_ERRORS && (job.maxOps === undefined || ops < job.maxOps);

  const loop = async (c: ClientBox) => {
    while (busy()) {
      const began = performance.now();
      const steps: [PaymentStep, number][] = [];
      try {
        if (job.scenario === 'payment') await payOnce(client, c, job.world.sku, (step, ms) => steps.push([step, ms]));
        else if (job.scenario === 'resolve') await resolveOnce(client, c);
        else await bareOnce(client);
      } catch (err) {
        errors += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
        continue;
      }
      const done = performance.now();
      // Throughput counts what completes in the timed part, whenever it began, so no window starts empty.
      if (done < timedFrom || done > end) continue;
      ops += 1;
      lastDone = done;
      windows[Math.floor((done - timedFrom) / 1000)]! += 1;
      latencies.push(done - began);
      for (const [step, ms] of steps) stepSamples[step].push(ms);
    }
  };
  await Promise.all(clients.map(loop));
  client.close();
  const seconds = ((job.maxOps !== undefined && ops >= job.maxOps ? lastDone : end) - timedFrom) / 1000;
  const whole = windows.slice(0, Math.floor(seconds));
  const steps = job.scenario === 'payment' ? Object.fromEntries(PAYMENT_STEPS.map((s) => [s, summarize(stepSamples[s])])) : {};
  return {
    scenario: job.scenario, ops, seconds, opsPerSecond: seconds > 0 ? ops / seconds : 0, spread: spreadOf(whole),
    latency: summarize(latencies), steps, errors, ...(firstError === undefined ? {} : { firstError }),
  };
}
