// The wallet API over fetch, every request signed with the app's key. A 402 becomes `declined`; every other error
// keeps the cloud's own code in `cloudCode`.
import { WalletError } from '../errors.ts';
import { fromBase64Url, freshNonce, signRequest, type WalletCredentials } from './signing.ts';
import type { BoxCommand, CloudPayment, CloudSession, Order, PaymentAnswer, ResolveTarget, ResolvedBox } from './types.ts';

export interface CloudOptions extends WalletCredentials {
  /** Where the cloud is served, e.g. https://cloud.example.com (no trailing slash needed). */
  baseUrl: string;
  /** The fetch to use (tests and simulations wrap it); the platform's by default. */
  fetch?: typeof fetch;
  /** Per call, real time (default 15000 ms). */
  timeoutMs?: number;
  /** Unix seconds for the signature timestamp (default: the device clock). */
  unixNow?: () => number;
}

export interface RequestSigning {
  nonce: string;
  /** Unix seconds. */
  timestamp: number;
}

interface CloudErrorBody {
  error?: { code?: string; message?: string; declineCode?: string; declinedBy?: 'acquirer' | 'controls' };
  payment?: CloudPayment;
}

export class CloudClient {
  /** Requests sent, for the payment's statistics. */
  calls = 0;
  private readonly key: Uint8Array;
  private readonly base: string;

  constructor(private readonly options: CloudOptions) {
    this.key = fromBase64Url(options.signingKey);
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  resolve(target: ResolveTarget): Promise<ResolvedBox> {
    return this.call<ResolvedBox>('POST', '/v1/wallet/resolve', target);
  }

  challenge(boxId: string): Promise<{ challenge: string; helloRequest: string; expiresAt: number }> {
    return this.call('POST', '/v1/wallet/challenges', { boxId });
  }

  /** With a challenge from `challenge()`; without one, the HELLO answered the request-bound challenge of `signing`. */
  session(hello: string, challenge?: string, signing?: RequestSigning): Promise<CloudSession> {
    return this.call('POST', '/v1/wallet/sessions', challenge === undefined ? { hello } : { hello, challenge }, {}, signing);
  }

  /** A nonce and timestamp fixed now for a request sent later (the request-bound challenge is derived from them). */
  reserveSigning(): RequestSigning {
    return { nonce: freshNonce(), timestamp: this.unixNow() };
  }

  async pay(body: { sessionId: string; iv: string } & Order, idempotencyKey: string): Promise<PaymentAnswer> {
    const answer = await this.call<{ payment: CloudPayment; telegram?: string }>('POST', '/v1/wallet/payments', body, { 'idempotency-key': idempotencyKey });
    return answer.telegram === undefined ? { kind: 'pending', payment: answer.payment } : { kind: 'accepted', payment: answer.payment, telegram: answer.telegram };
  }

  async receipt(paymentId: string, receipt: string): Promise<CloudPayment> {
    return (await this.call<{ payment: CloudPayment }>('POST', `/v1/wallet/payments/${paymentId}/receipt`, { receipt })).payment;
  }

  async reseal(paymentId: string, iv: string): Promise<{ payment: CloudPayment; telegram: string }> {
    return this.call('POST', `/v1/wallet/payments/${paymentId}/reseal`, { iv });
  }

  async cancel(paymentId: string): Promise<CloudPayment> {
    return (await this.call<{ payment: CloudPayment }>('POST', `/v1/wallet/payments/${paymentId}/cancel`, {})).payment;
  }

  /** The next command the cloud owes the session's box, sealed for `iv`; null when nothing is owed. */
  async nextCommand(sessionId: string, iv: string): Promise<BoxCommand | null> {
    return (await this.call<{ command: BoxCommand | null }>('POST', `/v1/wallet/sessions/${sessionId}/commands`, { iv })).command;
  }

  async commandReceipt(sessionId: string, commandId: string, receipt: string): Promise<{ id: string; state: string; status: string }> {
    return (await this.call<{ command: { id: string; state: string; status: string } }>(
      'POST', `/v1/wallet/sessions/${sessionId}/commands/${commandId}/receipt`, { receipt },
    )).command;
  }

  async payment(paymentId: string): Promise<CloudPayment> {
    return (await this.call<{ payment: CloudPayment }>('GET', `/v1/wallet/payments/${paymentId}`)).payment;
  }

  private unixNow(): number {
    return this.options.unixNow ? this.options.unixNow() : Math.floor(Date.now() / 1000);
  }

  private async call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}, signing?: RequestSigning): Promise<T> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const { nonce, timestamp } = signing ?? { nonce: freshNonce(), timestamp: this.unixNow() };
    const headers = { ...signRequest(this.key, this.options.keyId, { method, path, body: text, timestamp, nonce }), ...extra };
    if (text !== '') headers['content-type'] = 'application/json';
    const limit = this.options.timeoutMs ?? 15000;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limit);
    this.calls++;
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(`${this.base}${path}`, { method, headers, ...(text === '' ? {} : { body: text }), signal: abort.signal });
    } catch {
      throw abort.signal.aborted
        ? new WalletError('timeout', `the cloud did not answer ${method} ${routeName(path)} within ${limit} ms`)
        : new WalletError('cloud_error', `the cloud could not be reached for ${method} ${routeName(path)}`, { cloudCode: 'network_error' });
    } finally {
      clearTimeout(timer);
    }
    const parsed = (await res.json().catch(() => ({}))) as CloudErrorBody & T;
    if (res.ok) return parsed;
    const error = parsed.error ?? {};
    const paymentId = parsed.payment?.id;
    if (res.status === 402) {
      throw new WalletError('declined', `the payment was declined (${error.declineCode ?? error.code ?? 'declined'})`, {
        declineCode: error.declineCode ?? error.code ?? 'declined', declinedBy: error.declinedBy ?? 'acquirer', status: 402, ...(paymentId ? { paymentId } : {}),
      });
    }
    throw new WalletError('cloud_error', `${method} ${routeName(path)} answered ${res.status} ${error.code ?? ''}`.trim(), {
      cloudCode: error.code ?? 'unknown', status: res.status, ...(paymentId ? { paymentId } : {}),
    });
  }
}

/** The route without ids, for messages. */
function routeName(path: string): string {
  return path.replace(/pay_[0-9a-f]+/, ':id').replace(/ses_[0-9a-f]+/, ':id').replace(/cmd_[0-9a-f]+/, ':commandId');
}
