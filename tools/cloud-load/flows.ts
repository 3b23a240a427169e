// What one concurrent client repeats. A payment is the whole wallet path against one box: challenge, session
// (the box's HELLO proof, the AUTH ticket checked as the box would), pay with an Idempotency-Key (the box opens
// the sealed telegram), then the box's receipt, which must bring the payment to Finish.
import { randomUUID } from 'node:crypto';
import type { BoxKeys } from '../../shared/protocol/types.ts';
import { BoxPlayer, PaymentBox } from './box-player.ts';
import type { HttpClient } from './http.ts';
import { signed, type WalletCredentials } from './wallet-client.ts';

export const PAYMENT_STEPS = ['challenge', 'session', 'pay', 'receipt'] as const;
export type PaymentStep = (typeof PAYMENT_STEPS)[number];

export class LoadError extends Error {
  readonly code = 'load_unexpected_answer';
}

/** One client's box and wallet app; `counter` is the box's transaction counter, carried across payments. */
export interface ClientBox {
  keys: BoxKeys;
  boxId: string;
  wallet: WalletCredentials;
  counter: number;
}

async function walletCall(client: HttpClient, wallet: WalletCredentials, path: string, expect: number, body: unknown, headers: Record<string, string> = {}) {
  const init = signed(wallet, 'POST', path, body, { headers });
  const answer = await client.call('POST', path, { headers: init.headers as Record<string, string>, body: init.body as string });
  if (answer.status !== expect) throw new LoadError(`POST ${path.replace(/pay_[0-9a-f]+/, ':id')} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  return JSON.parse(answer.body) as Record<string, unknown>;
}

/** Runs one full payment; `mark` receives each step's duration in ms. */
export async function payOnce(client: HttpClient, c: ClientBox, sku: string, mark: (step: PaymentStep, ms: number) => void): Promise<void> {
  let t = performance.now();
  const lap = (step: PaymentStep) => {
    const now = performance.now();
    mark(step, now - t);
    t = now;
  };
  const { challenge } = await walletCall(client, c.wallet, '/v1/wallet/challenges', 201, { boxId: c.boxId }) as { challenge: string };
  lap('challenge');
  const connection = new BoxPlayer(c.keys, c.counter);
  const session = await walletCall(client, c.wallet, '/v1/wallet/sessions', 201, { hello: connection.hello(challenge), challenge }) as { sessionId: string; auth: string };
  if (!connection.acceptAuth(session.auth)) throw new LoadError('the box refused the AUTH ticket');
  lap('session');
  const box = new PaymentBox(c.keys, c.counter);
  const paid = await walletCall(client, c.wallet, '/v1/wallet/payments', 201, { sessionId: session.sessionId, iv: box.iv(), sku }, { 'idempotency-key': randomUUID() }) as {
    payment: { id: string }; telegram: string;
  };
  const fields = box.open(paid.telegram);
  lap('pay');
  const receiptPath = `/v1/wallet/payments/${paid.payment.id}/receipt`;
  const done = await walletCall(client, c.wallet, receiptPath, 200, { receipt: box.receipt(fields.txnId as Uint8Array) }) as { payment: { state: string } };
  if (done.payment.state !== 'finish') throw new LoadError(`the payment ended in ${done.payment.state}, not finish`);
  c.counter = box.counter;
  lap('receipt');
}

export async function resolveOnce(client: HttpClient, c: ClientBox): Promise<void> {
  await walletCall(client, c.wallet, '/v1/wallet/resolve', 200, { boxId: c.boxId });
}

/** The baseline: the app's one unsigned route (GET /v1/health) through the same body-limit and JSON middleware. */
export async function bareOnce(client: HttpClient): Promise<void> {
  const answer = await client.call('GET', '/v1/health');
  if (answer.status !== 200) throw new LoadError(`GET /v1/health answered ${answer.status}`);
}
