// A wallet app's calls written out step by step over a simulated BLE link, the wallet API as docs/wallet-api.md
// gives it: challenge → the box's HELLO → session (AUTH ticket to the box) → the box's one-time IV → pay → the
// sealed telegram to the box → the box's RECEIPT back to the cloud, which moves the payment to Finish. The demo's
// installer session and `waygo simulate` use it; the demo's customer pays with the SDK instead.
import { randomUUID } from 'node:crypto';
import { fromHex, toHex } from '../../shared/bytes/index.ts';
import { MSG, STATUS, encodeMessage } from '../../shared/protocol/index.ts';
import { signed, type WalletCredentials } from '../cloud-load/index.ts';
import type { BoxLink } from './box-link.ts';
import { WalletFlowError } from './errors.ts';
import { CURRENCY } from './scenarios.ts';

export interface WalletCall {
  (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Record<string, unknown>>;
}

/** Signed JSON calls to the cloud at `url`; an unexpected status throws with the cloud's error code. */
export function walletClient(url: string, wallet: WalletCredentials): WalletCall {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${url}${path}`, signed(wallet, method, path, body, { headers }));
    const answer = (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } };
    if (!response.ok) {
      const code = answer.error?.code ?? `http_${response.status}`;
      throw new WalletFlowError(code, `${method} ${path.replace(/pay_[0-9a-z]+/, ':id')} answered ${response.status} ${code}: ${answer.error?.message ?? ''}`);
    }
    return answer;
  };
}

export interface PaidOutcome {
  paymentId: string;
  amountMinor: number;
  /** The cloud's final state (finish, refunded …). */
  state: string;
  /** The box's RECEIPT status, lower case. */
  boxStatus: string;
}

const STATUS_NAME: Record<number, string> = Object.fromEntries(Object.entries(STATUS).map(([name, code]) => [code, name.toLowerCase()]));

export interface OpenedSession {
  sessionId: string;
  /** RIGHT bits of the ticket: MANAGE while the cloud owes the box commands. */
  rights: number;
}

/** One authenticated connection: HELLO for the cloud's challenge, then the cloud's AUTH ticket to the box. */
export async function openSession(call: WalletCall, link: BoxLink, boxId: string): Promise<OpenedSession> {
  const { challenge } = (await call('POST', '/v1/wallet/challenges', { boxId })) as { challenge: string };
  const hello = link.request(encodeMessage(MSG.HELLO_REQUEST, { challenge: fromHex(challenge) }));
  if (hello.type !== MSG.HELLO) throw new WalletFlowError('box_no_hello', `the box answered message ${hello.type} to HELLO_REQUEST`);
  const session = (await call('POST', '/v1/wallet/sessions', { hello: toHex(hello.bytes), challenge })) as { sessionId: string; auth: string; rights: number };
  const accepted = link.request(fromHex(session.auth));
  if (accepted.type === MSG.ERROR) throw new WalletFlowError('box_refused_auth', 'the box refused the AUTH ticket');
  return { sessionId: session.sessionId, rights: session.rights };
}

/** IV, pay, telegram, receipt: one payment on an open session. */
export async function pay(call: WalletCall, link: BoxLink, sessionId: string, order: { sku: string } | { amountMinor: number }): Promise<PaidOutcome> {
  const iv = link.request(encodeMessage(MSG.IV_REQUEST, {}));
  const what = 'sku' in order ? { sku: order.sku } : { amountMinor: order.amountMinor, currency: CURRENCY };
  const paid = (await call('POST', '/v1/wallet/payments', { sessionId, iv: toHex(iv.bytes), ...what }, { 'idempotency-key': randomUUID() })) as {
    payment: { id: string; amountMinor: number }; telegram: string;
  };
  const receipt = link.request(fromHex(paid.telegram));
  if (receipt.type !== MSG.RECEIPT) throw new WalletFlowError('box_no_receipt', `the box answered message ${receipt.type} to the telegram`);
  const done = (await call('POST', `/v1/wallet/payments/${paid.payment.id}/receipt`, { receipt: toHex(receipt.bytes) })) as { payment: { state: string } };
  return {
    paymentId: paid.payment.id, amountMinor: paid.payment.amountMinor, state: done.payment.state,
    boxStatus: STATUS_NAME[receipt.fields.status as number] ?? String(receipt.fields.status),
  };
}
