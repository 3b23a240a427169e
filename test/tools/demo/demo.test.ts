import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../cloud/db/open.ts';
import { verifyAuditChain } from '../../../cloud/audit/index.ts';
import { runDemo, type RunningDemo } from '../../../tools/demo/run.ts';

const demo = suite('runDemo');
const dir = mkdtempSync(join(tmpdir(), 'waygo-demo-test-'));
const lines: string[] = [];
let running: RunningDemo;
let closed = false;

demo.before(async () => {
  running = await runDemo({ dir, buildDir: 'build', port: 0, print: (line) => lines.push(line) });
});
demo.after(async () => {
  if (!closed) await running.close();
  rmSync(dir, { recursive: true, force: true });
});

demo('six simulated boxes running the built bundles, one per scenario, boards mixed, are each paid through the cloud', () => {
  assert.is(running.results.length, 6);
  for (const r of running.results) assert.ok(r.ok, `${r.box.machine.machineName}: ${r.outcome}`);
  assert.is(new Set(running.results.map((r) => r.box.machine.scenario)).size, 6, 'one box per scenario');
  assert.is(new Set(running.results.map((r) => r.box.board.id)).size, 3, 'boards mixed');
  assert.is(lines.filter((l) => l.startsWith('   PAID')).length, 6, lines.join('\n'));
});

demo('each box was configured by a CONFIG telegram the cloud queued and a wallet session carried', () => {
  assert.is(lines.filter((l) => l.endsWith('config applied')).length, 6, lines.join('\n'));
});

demo('each box shows its machine action: output on, pulses, UART VEND and ACK, the amount on the LCD', () => {
  const outcome = (name: string) => running.results.find((r) => r.box.machine.machineName === name)!.outcome;
  assert.match(outcome('Washer 1'), /output 0 \(D1\) on/);
  assert.match(outcome('Crane game'), /pulsed 2×/);
  assert.match(outcome('Beer machine'), /VEND/);
  assert.match(outcome('Shop counter'), /PAID 12\.50/);
});

demo('the API key and wallet signing key are never printed', () => {
  const printed = lines.join('\n');
  assert.not.ok(printed.includes(running.world.apiKey));
  assert.not.ok(printed.includes(running.world.wallet.signingKey));
});

demo('the printed operator login signs in to the operator API', async () => {
  const res = await fetch(`${running.url}/v1/operator/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(running.world.login),
  });
  assert.is(res.status, 200, await res.clone().text());
});

demo('the cloud still serves after the payments, and its file holds six finished payments under an intact audit chain', async () => {
  assert.is((await fetch(`${running.url}/v1/health`)).status, 200);
  await running.close();
  closed = true;
  const database = openDatabase(join(dir, 'demo.sqlite'), { readonly: true });
  try {
    assert.ok(verifyAuditChain(database.db).ok);
    const finished = database.sqlite.prepare("select count(*) as n from payments where state = 'finish'").get() as { n: number };
    assert.is(finished.n, 6);
    const applied = database.sqlite.prepare('select count(*) as n from boxes where applied_config_version = 1').get() as { n: number };
    assert.is(applied.n, 6, 'the cloud saw every box apply its configuration');
  } finally {
    database.close();
  }
});

demo.run();
