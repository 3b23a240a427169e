import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../../../cloud/audit/index.ts';
import { openDatabase } from '../../../cloud/db/index.ts';
import { forkLoad, startLoadServer } from '../../../tools/cloud-load/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'waygo-load-'));
const test = suite('forkLoad');
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('a forked load process completes a handful of full payments to Finish and signed resolves against a real server and file', async () => {
  const { server, world, path } = await startLoadServer(dir, { boxes: 2, wallets: 2 });
  let payments, resolves;
  try {
    payments = await forkLoad({ url: server.url, world, scenario: 'payment', connections: 2, warmupMs: 0, durationMs: 20_000, maxOps: 6 });
    resolves = await forkLoad({ url: server.url, world, scenario: 'resolve', connections: 2, warmupMs: 0, durationMs: 20_000, maxOps: 10 });
  } finally {
    await server.close();
  }
  assert.is(payments.errors, 0, payments.firstError);
  assert.ok(payments.ops >= 6);
  assert.equal(Object.keys(payments.steps).sort(), ['challenge', 'pay', 'receipt', 'session']);
  assert.ok(payments.latency.p99 >= payments.latency.p50 && payments.latency.p50 > 0);
  assert.is(resolves.errors, 0, resolves.firstError);
  assert.ok(resolves.ops >= 10);
  const check = openDatabase(path, { readonly: true });
  try {
    const finished = check.sqlite.prepare("select count(*) as n from payments where state = 'finish'").get() as { n: number };
    assert.ok(finished.n >= 6, 'every counted payment reached Finish in the database');
    assert.ok(verifyAuditChain(check.db).ok, 'the audit chain verifies after the load');
  } finally {
    check.close();
  }
});

test.run();
