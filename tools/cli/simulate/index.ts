import { resolve } from 'node:path';
import { loadConfig } from '../../../cloud/config/load.ts';
import { openDatabase } from '../../../cloud/db/open.ts';
import { CloudError } from '../../../cloud/errors/cloud-error.ts';
import { CliError, type Command } from '../command.ts';
import { parseOptions } from '../cloud/options.ts';
import { existingDatabasePath } from '../db/database-path.ts';
import { simulate } from './run.ts';

const usage = `Usage: waygo simulate --cloud URL [--boxes N] [--wallets M] [--payments K] [--db PATH] [--build DIR]

Runs N simulated boxes (the built bundles from DIR, default ./build, in the Espruino simulator; default 6) and
M wallet apps (default 2) against the cloud at URL, which must be running on this machine: the boxes, their
keys and the wallet apps are created in its database (PATH, else WAYGO_DB, as waygo cloud start reads it, with
the same WAYGO_KEK). K payments (default 60) run one box lane at a time per box, all lanes at once. Prints
payments per second, latency p50/p99 and failures by code.`;

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new CliError('usage', `--${name} must be a whole number from 1 to 10000`);
  return n;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'drive N simulated boxes and M wallets against a running cloud; report payments/s and failures',
  usage,
  async run(args, io) {
    const { positionals, values } = parseOptions(args, ['cloud', 'boxes', 'wallets', 'payments', 'db', 'build'], 'waygo simulate --help');
    if (positionals.length > 0) throw new CliError('usage', `unexpected argument "${positionals[0]}" (waygo simulate --help)`);
    if (values.cloud === undefined) throw new CliError('usage', '--cloud URL is required');
    const boxes = count(values.boxes, 'boxes', 6);
    const wallets = count(values.wallets, 'wallets', 2);
    const payments = count(values.payments, 'payments', 60);
    let kek;
    try {
      kek = loadConfig({ warn: () => undefined }).kek;
    } catch (err) {
      if (err instanceof CloudError) throw new CliError(err.code, err.message);
      throw err;
    }
    const health = await fetch(new URL('/v1/health', values.cloud)).catch(() => undefined);
    if (health === undefined || !health.ok) throw new CliError('no_cloud', `no cloud answers at ${values.cloud} (waygo cloud start)`, 1);
    const database = openDatabase(existingDatabasePath(values.db));
    try {
      io.stdout.write(`simulating ${boxes} boxes and ${wallets} wallets against ${values.cloud}\n`);
      const r = await simulate({ cloudUrl: values.cloud, db: database.db, kek, buildDir: resolve(values.build ?? 'build'), boxes, wallets, payments });
      const failed = r.payments - r.succeeded;
      io.stdout.write(`${r.succeeded} of ${r.payments} payments finished in ${r.seconds.toFixed(1)} s: ${r.perSecond.toFixed(1)} payments/s; `
        + `latency p50 ${r.latency.p50.toFixed(0)} ms, p99 ${r.latency.p99.toFixed(0)} ms; ${failed} failed\n`);
      for (const [code, n] of Object.entries(r.failures)) io.stdout.write(`  ${code}: ${n}\n`);
      return failed === 0 ? 0 : 1;
    } finally {
      database.close();
    }
  },
};
