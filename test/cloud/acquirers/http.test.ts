import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createHttpAcquirer, type HttpAcquirer } from '../../../cloud/acquirers/index.ts';
import { CloudError } from '../../../cloud/errors/index.ts';
import { startGateway, type TestGateway } from './gateway-server.ts';

const secret = randomBytes(32).toString('hex');
const request = (paymentId: string, amountMinor = 1200) => ({
  paymentId, amountMinor, currency: '392', merchantId: 'm_1', walletAppId: 'wa_1',
});

let gateway: TestGateway;
let acquirer: HttpAcquirer;

function fresh(): void {
  acquirer = createHttpAcquirer({
    baseUrl: gateway.url, secret, merchant: 'acct_1', timeoutMs: 150, maxAttempts: 3, backoff: { baseMs: 5, maxMs: 20 },
  });
}

const charge = suite('createHttpAcquirer charge');
charge.before(async () => {
  gateway = await startGateway(secret);
  fresh();
});
charge.after(() => gateway.close());

charge('approves with the gateway id as acquirerRef and charges once', async () => {
  const result = await acquirer.charge(request('p_ok'));
  assert.equal(result, { outcome: 'approved', acquirerRef: 'gw_1' });
  assert.is(gateway.charges.get('charge:p_ok'), 1);
});

charge('retries 5xx with the same idempotency key and charges once', async () => {
  gateway.failNext(2, 503);
  const before = gateway.requests;
  const result = await acquirer.charge(request('p_retry'));
  assert.is(result.outcome, 'approved');
  assert.is(gateway.requests - before, 3);
  assert.is(gateway.charges.get('charge:p_retry'), 1);
});

charge('a charge made but answered too late is pending, and repeating it returns the same charge without a second one', async () => {
  gateway.delayNext(3, 400);
  const first = await acquirer.charge(request('p_slow'));
  assert.equal(first, { outcome: 'pending', reason: 'timeout' });
  assert.is(gateway.charges.get('charge:p_slow'), 1);
  const again = await acquirer.charge(request('p_slow'));
  assert.is(again.outcome, 'approved');
  assert.is(gateway.charges.get('charge:p_slow'), 1);
});

charge('a first attempt lost in a timeout is retried into the stored answer, not a new charge', async () => {
  gateway.delayNext(1, 400);
  const result = await acquirer.charge(request('p_once_slow'));
  assert.is(result.outcome, 'approved');
  assert.is(gateway.charges.get('charge:p_once_slow'), 1);
});

charge('gives up as pending gateway_error when every attempt is a 5xx', async () => {
  gateway.failNext(3, 502);
  assert.equal(await acquirer.charge(request('p_down')), { outcome: 'pending', reason: 'gateway_error' });
  gateway.failNext(0);
});

charge('maps a 4xx to declined with the gateway code, without retrying', async () => {
  gateway.refusals.set(4002, 402);
  const before = gateway.requests;
  assert.equal(await acquirer.charge(request('p_402', 4002)), { outcome: 'declined', code: 'card_declined', message: 'Declined by the issuer.' });
  assert.is(gateway.requests - before, 1);
});

charge('maps a 200 declined answer to declined with its code', async () => {
  gateway.refusals.set(5100, 'decline');
  const result = await acquirer.charge(request('p_nsf', 5100));
  assert.is(result.outcome, 'declined');
  assert.is(result.outcome === 'declined' && result.code, 'insufficient_funds');
});

charge('is declined with the gateway code when the shared secret is wrong', async () => {
  const wrong = createHttpAcquirer({ baseUrl: gateway.url, secret: 'another secret entirely', merchant: 'acct_1', timeoutMs: 150 });
  const result = await wrong.charge(request('p_badsig'));
  assert.is(result.outcome === 'declined' && result.code, 'signature_invalid');
  assert.is(gateway.charges.get('charge:p_badsig'), undefined);
});

charge('is pending network_error when nothing listens', async () => {
  const closed = await startGateway(secret);
  await closed.close();
  const offline = createHttpAcquirer({ baseUrl: closed.url, secret, merchant: 'acct_1', timeoutMs: 150, maxAttempts: 2, backoff: { baseMs: 1, maxMs: 2 } });
  assert.equal(await offline.charge(request('p_off')), { outcome: 'pending', reason: 'network_error' });
});

charge.run();

const refund = suite('createHttpAcquirer refund');
refund.before(async () => {
  gateway = await startGateway(secret);
  fresh();
});
refund.after(() => gateway.close());

refund('refunds once across retries, keyed by the refund id', async () => {
  gateway.failNext(1, 500);
  const result = await acquirer.refund({ paymentId: 'p_1', refundId: 'r_1', acquirerRef: 'gw_1', amountMinor: 500, currency: '392' });
  assert.is(result.outcome, 'refunded');
  assert.is(gateway.charges.get('refund:r_1'), 1);
});

refund('maps a failed refund and a timed-out refund', async () => {
  gateway.refusals.set(777, 'decline');
  const failed = await acquirer.refund({ paymentId: 'p_1', refundId: 'r_2', acquirerRef: 'gw_1', amountMinor: 777, currency: '392' });
  assert.is(failed.outcome, 'failed');
  gateway.delayNext(3, 400);
  const slow = await acquirer.refund({ paymentId: 'p_1', refundId: 'r_3', acquirerRef: 'gw_1', amountMinor: 100, currency: '392' });
  assert.equal(slow, { outcome: 'pending', reason: 'timeout' });
});

refund.run();

const callback = suite('createHttpAcquirer verifyCallback');
let receiverUrl = '';
let received: { status: number; value: unknown }[] = [];
const receiver = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    try {
      received.push({ status: 200, value: acquirer.verifyCallback(raw, req.headers) });
      res.writeHead(200).end();
    } catch (err) {
      received.push({ status: 400, value: err instanceof CloudError ? err.code : String(err) });
      res.writeHead(400).end();
    }
  });
});
callback.before(async () => {
  gateway = await startGateway(secret);
  fresh();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
});
callback.before.each(() => {
  received = [];
});
callback.after(async () => {
  await gateway.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

callback('accepts a signed charge callback and parses it into the payment outcome', async () => {
  const status = await gateway.sendCallback(receiverUrl, { type: 'charge', reference: 'p_slow', id: 'gw_9', status: 'approved' });
  assert.is(status, 200);
  assert.equal(received[0]?.value, { kind: 'charge', paymentId: 'p_slow', result: { outcome: 'approved', acquirerRef: 'gw_9' } });
});

callback('parses a refund callback', async () => {
  await gateway.sendCallback(receiverUrl, { type: 'refund', reference: 'r_3', id: 'gw_10', status: 'failed', code: 'closed_account' });
  assert.equal(received[0]?.value, { kind: 'refund', refundId: 'r_3', result: { outcome: 'failed', code: 'closed_account', message: 'The gateway refused the refund.' } });
});

callback('refuses a callback signed with another secret', async () => {
  assert.is(await gateway.sendCallback(receiverUrl, { type: 'charge', reference: 'p', id: 'g', status: 'approved' }, { secret: 'forged' }), 400);
  assert.is(received[0]?.value, 'signature_mismatch');
});

callback('refuses a correctly signed callback older than the tolerance', async () => {
  const old = Math.floor(Date.now() / 1000) - 301;
  await gateway.sendCallback(receiverUrl, { type: 'charge', reference: 'p', id: 'g', status: 'approved' }, { timestampS: old });
  assert.is(received[0]?.value, 'signature_stale');
});

callback('refuses a signed body that is not a charge or refund update', async () => {
  await gateway.sendCallback(receiverUrl, { type: 'dispute', reference: 'p' });
  assert.is(received[0]?.value, 'callback_malformed');
});

callback('refuses a callback without a signature header', () => {
  try {
    acquirer.verifyCallback('{}', {});
    assert.unreachable();
  } catch (err) {
    assert.is((err as CloudError).code, 'signature_missing');
  }
});

callback.run();
