import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createDeliveryEngine, MemoryDeliveryStore, verifySignatureHeader, type DeliveryEngine, type WebhookEndpoint,
} from '../../../cloud/webhooks/index.ts';

interface Received { body: string; headers: IncomingHttpHeaders }

// A merchant's receiver on 127.0.0.1: answers from a script of statuses (or hangs for 'hang'), then 200.
let script: (number | 'hang')[] = [];
let received: Received[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ body, headers: req.headers });
    const next = script.shift() ?? 200;
    if (next !== 'hang') res.writeHead(next).end();
  });
});

let clock = 1_700_000_000_000;
let store: MemoryDeliveryStore;
let engine: DeliveryEngine;
let endpoint: WebhookEndpoint;
const event = { id: 'evt_1', type: 'payment.finished', createdAt: 1_700_000_000_000, data: { paymentId: 'p_1', amountMinor: 300 } };

const engineSuite = suite('createDeliveryEngine');

engineSuite.before(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
engineSuite.before.each(() => {
  script = [];
  received = [];
  clock = 1_700_000_000_000;
  store = new MemoryDeliveryStore();
  endpoint = { id: 'we_1', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, secret: 'whsec_test' };
  engine = createDeliveryEngine({
    store,
    endpoint: async (id) => (id === endpoint.id ? endpoint : undefined),
    maxAttempts: 3,
    timeoutMs: 100,
    backoff: { baseMs: 1000, maxMs: 10_000 },
    now: () => clock,
    random: () => 0.5,
  });
});
engineSuite.after(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

engineSuite('delivers a signed POST the merchant can verify, and logs the attempt', async () => {
  const delivery = await engine.enqueue(event, 'we_1');
  assert.equal(await engine.runDue(), { attempted: 1, delivered: 1, retrying: 0, failed: 0 });
  const [got] = received;
  assert.ok(got);
  assert.equal(JSON.parse(got.body), { id: 'evt_1', type: 'payment.finished', created: 1_700_000_000, data: event.data });
  assert.is(got.headers['waygo-event-id'], 'evt_1');
  assert.is(verifySignatureHeader('whsec_test', got.body, got.headers['waygo-signature'] as string, { nowS: clock / 1000 }), clock / 1000);
  assert.is((await store.get(delivery.id))?.state, 'delivered');
  const attempts = await store.attempts(delivery.id);
  assert.equal(attempts.map((a) => [a.attempt, a.statusCode, a.error]), [[1, 200, null]]);
});

engineSuite('enqueues the same event for the same endpoint once', async () => {
  const a = await engine.enqueue(event, 'we_1');
  const b = await engine.enqueue(event, 'we_1');
  assert.is(a.id, b.id);
  assert.is((await engine.runDue()).attempted, 1);
  assert.is(received.length, 1);
});

engineSuite('retries a 5xx after the backoff, not before, then delivers', async () => {
  script = [500];
  const { id } = await engine.enqueue(event, 'we_1');
  assert.equal(await engine.runDue(), { attempted: 1, delivered: 0, retrying: 1, failed: 0 });
  const pending = await store.get(id);
  assert.is(pending?.nextAttemptAt, clock + 750); // ceiling 1000 after one failure, jitter 0.5 -> 500 + 250
  clock += 749;
  assert.is((await engine.runDue()).attempted, 0);
  clock += 1;
  assert.is((await engine.runDue()).delivered, 1);
  assert.equal((await store.attempts(id)).map((a) => a.error), ['http_500', null]);
});

engineSuite('records a timeout and a refused connection as attempt errors', async () => {
  script = ['hang'];
  const { id } = await engine.enqueue(event, 'we_1');
  await engine.runDue();
  endpoint = { ...endpoint, url: 'http://127.0.0.1:9/closed' };
  clock += 60_000;
  await engine.runDue();
  const errors = (await store.attempts(id)).map((a) => a.error);
  assert.is(errors[0], 'timeout');
  assert.match(errors[1] ?? '', /^network_error/);
});

engineSuite('gives up after maxAttempts with every attempt in the log', async () => {
  script = [503, 502, 500, 200];
  const { id } = await engine.enqueue(event, 'we_1');
  const outcomes = [];
  for (let i = 0; i < 4; i++) {
    outcomes.push(await engine.runDue());
    clock += 60_000;
  }
  assert.equal(outcomes.map((o) => [o.retrying, o.failed]), [[1, 0], [1, 0], [0, 1], [0, 0]]);
  const delivery = await store.get(id);
  assert.equal([delivery?.state, delivery?.attempts, delivery?.lastError], ['failed', 3, 'http_500']);
  assert.equal((await store.attempts(id)).map((a) => a.statusCode), [503, 502, 500]);
});

engineSuite('does not follow a redirect, so a 3xx is a failed attempt', async () => {
  script = [302];
  const { id } = await engine.enqueue(event, 'we_1');
  await engine.runDue();
  assert.is((await store.get(id))?.lastError, 'http_302');
});

engineSuite('gives a delivery up at once when its endpoint is gone or disabled', async () => {
  const { id } = await engine.enqueue(event, 'we_missing');
  assert.equal(await engine.runDue(), { attempted: 1, delivered: 0, retrying: 0, failed: 1 });
  assert.is((await store.get(id))?.lastError, 'endpoint_disabled');
});

engineSuite('does not hand a claimed delivery to a second run while its attempt is in flight', async () => {
  script = ['hang'];
  await engine.enqueue(event, 'we_1');
  const first = engine.runDue();
  assert.is((await engine.runDue()).attempted, 0);
  assert.is((await first).retrying, 1);
});

engineSuite.run();
