// The cloud under load: a real server on a fresh SQLite file (WAL, synchronous=FULL) in this process, and the
// load generator in a forked one, talking over loopback with keep-alive connections. Each phase is timed after
// a warm-up; the whole run stays under a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkLoad, startLoadServer, type LoadResult, type Scenario } from '../cloud-load/index.ts';
import { benchSqliteCommits } from './cloud-sqlite.ts';
import type { BenchFigure } from './types.ts';

const PHASES: { scenario: Scenario; connections: number; warmupMs: number; durationMs: number }[] = [
  { scenario: 'bare', connections: 32, warmupMs: 1000, durationMs: 5000 },
  { scenario: 'resolve', connections: 32, warmupMs: 1000, durationMs: 5000 },
  { scenario: 'payment', connections: 32, warmupMs: 2000, durationMs: 10_000 },
];
const WALLET_APPS = 8;

function checked(result: LoadResult): LoadResult {
  if (result.errors > 0) throw new Error(`the ${result.scenario} load had ${result.errors} errors, first: ${result.firstError}`);
  return result;
}

export async function benchCloud(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'waygo-bench-'));
  try {
    const commits = benchSqliteCommits(join(dir, 'commits.sqlite'));
    const boxes = Math.max(...PHASES.map((p) => p.connections));
    const { server, world } = await startLoadServer(dir, { boxes, wallets: WALLET_APPS });
    const results: Partial<Record<Scenario, LoadResult>> = {};
    try {
      for (const phase of PHASES) results[phase.scenario] = checked(await forkLoad({ ...phase, url: server.url, world }));
    } finally {
      await server.close();
    }
    const { bare, resolve, payment } = results as Record<Scenario, LoadResult>;
    const steps = Object.entries(payment.steps).map(([step, s]): BenchFigure => ({
      key: `cloud.payment_${step}_p50_ms`, value: s.p50, unit: 'ms', baseline: 'cloud.payment_p99_ms',
    }));
    return [
      { key: 'cloud.payments_per_s', value: payment.opsPerSecond, unit: 'payment/s', baseline: 'cloud.sqlite_full_commits_per_s', spread: payment.spread },
      { key: 'cloud.payment_p99_ms', value: payment.latency.p99, unit: 'ms' },
      ...steps,
      { key: 'cloud.resolve_per_s', value: resolve.opsPerSecond, unit: 'req/s', baseline: 'cloud.bare_route_rps', spread: resolve.spread },
      { key: 'cloud.bare_route_rps', value: bare.opsPerSecond, unit: 'req/s', spread: bare.spread },
      { key: 'cloud.sqlite_full_commits_per_s', value: commits.opsPerSecond, unit: 'commit/s', spread: commits.spread },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
