import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { loadConfig } from '../../cloud/config/index.ts';
import { openDatabase } from '../../cloud/db/index.ts';
import { startServer } from '../../cloud/server.ts';
import type { Logger } from '../../cloud/types.ts';
import { merchants } from '../../cloud/db/schema/index.ts';
import { createWebhookEndpoint, queueEvent } from '../../cloud/services/webhooks/index.ts';
import { tempDir } from './fixtures.ts';
import { startReceiver } from './services/webhooks/receiver.ts';

const dir = tempDir();
const quiet: Logger = { info: () => undefined, error: () => undefined };
const test = suite('startServer');
test.after(() => dir.remove());

function config(database: string, port = '0') {
  return loadConfig({ env: { WAYGO_DB: database, WAYGO_PORT: port, WAYGO_KEK: 'ab'.repeat(32) } });
}

test('serves the API over HTTP on a real port from a fresh database file, then closes', async () => {
  const database = join(dir.path, 'served', 'waygo.sqlite');
  const server = await startServer({ config: config(database), logger: quiet });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
    const res = await fetch(`${server.url}/v1/health`);
    assert.is(res.status, 200);
    assert.equal(await res.json(), { status: 'ok', version: '0.1.0', database: 'ok' });
    const missing = await fetch(`${server.url}/v2/anything`, { method: 'DELETE' });
    assert.is(missing.status, 404);
    assert.is(missing.headers.get('content-type'), 'application/json');
  } finally {
    await server.close();
  }
  const check = openDatabase(database, { readonly: true });
  const tables = check.sqlite.prepare("select count(*) from sqlite_master where name = 'audit_log'").pluck().get();
  check.close();
  assert.is(tables, 1);
  assert.is(await fetch(`${server.url}/v1/health`).then(() => 'answered', () => 'refused'), 'refused');
});

test('rejects with EADDRINUSE when the port is taken', async () => {
  const first = await startServer({ config: config(join(dir.path, 'a.sqlite')), logger: quiet });
  try {
    let code = '';
    await startServer({ config: config(join(dir.path, 'b.sqlite'), String(first.port)), logger: quiet }).catch((err: NodeJS.ErrnoException) => {
      code = err.code ?? '';
    });
    assert.is(code, 'EADDRINUSE');
  } finally {
    await first.close();
  }
});

test('runs the webhook worker: an event queued in the database reaches the receiver', async () => {
  const database = join(dir.path, 'hooks', 'waygo.sqlite');
  const cfg = config(database);
  const receiver = await startReceiver();
  const server = await startServer({ config: cfg, logger: quiet, webhookIntervalMs: 20 });
  const writer = openDatabase(database);
  try {
    writer.db.insert(merchants).values({ id: 'm_1', name: 'Laundry Corner', createdAt: 1 }).run();
    createWebhookEndpoint(writer.db, 'm_1', receiver.url, { kek: cfg.kek, actor: 'operator:test' });
    queueEvent(writer.db, 'm_1', { id: 'evt_1', type: 'payment.finished', createdAt: Date.now(), data: {} }, Date.now());
    for (let i = 0; i < 100 && receiver.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.is(receiver.received.length, 1);
    assert.is(receiver.received[0]!.headers['waygo-event-id'], 'evt_1');
  } finally {
    writer.close();
    await server.close();
    await receiver.close();
  }
});

test.run();
