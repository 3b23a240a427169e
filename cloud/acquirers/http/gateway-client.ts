import { backoffDelay, sleep, type BackoffOptions } from '../../webhooks/backoff.ts';
import { signatureHeader } from '../../webhooks/signature.ts';
import type { Logger } from '../../types.ts';
import { SIGNATURE_HEADER } from './protocol.ts';

export interface GatewayClientOptions {
  baseUrl: string;
  secret: string;
  timeoutMs: number;
  maxAttempts: number;
  backoff: BackoffOptions;
  fetch: typeof fetch;
  random: () => number;
  now: () => number;
  logger?: Logger;
}

export type GatewayOutcome =
  | { kind: 'answered'; status: number; body: unknown }
  /** No usable answer after every attempt; the charge may or may not have happened. */
  | { kind: 'unanswered'; reason: 'timeout' | 'network_error' | 'gateway_error' };

type Attempt = GatewayOutcome | { kind: 'retry'; reason: 'timeout' | 'network_error' | 'gateway_error'; status?: number };

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function attemptOnce(options: GatewayClientOptions, url: string, body: string, idempotencyKey: string): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(url, {
      method: 'POST',
      redirect: 'error',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        // Signed afresh per attempt (new timestamp) over the same body, so the gateway's tolerance window holds.
        [SIGNATURE_HEADER]: signatureHeader(options.secret, body, Math.floor(options.now() / 1000)),
      },
      body,
    });
    // 429 and 5xx say "not processed or not sure": safe to repeat because the idempotency key is the same.
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      return { kind: 'retry', reason: 'gateway_error', status: response.status };
    }
    return { kind: 'answered', status: response.status, body: await readJson(response) };
  } catch {
    return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : 'network_error' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * POSTs one signed JSON body, retrying network errors, timeouts, 429 and 5xx with backoff and the SAME body and
 * idempotency key, so however many attempts reach the gateway it performs the operation at most once.
 */
export async function postToGateway(options: GatewayClientOptions, path: string, payload: { idempotency_key: string }): Promise<GatewayOutcome> {
  const url = new URL(path, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).toString();
  const body = JSON.stringify(payload);
  let last: Attempt = { kind: 'unanswered', reason: 'network_error' };
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    if (attempt > 1) await sleep(backoffDelay(attempt - 1, options.backoff, options.random));
    last = await attemptOnce(options, url, body, payload.idempotency_key);
    if (last.kind !== 'retry') return last;
    options.logger?.info('gateway attempt failed', { path, attempt, reason: last.reason, status: last.status });
  }
  return last.kind === 'retry' ? { kind: 'unanswered', reason: last.reason } : last;
}
