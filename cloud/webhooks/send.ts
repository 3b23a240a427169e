import { signatureHeader, type SigningSecret } from './signature.ts';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface SendOptions {
  url: string;
  secret: SigningSecret;
  eventId: string;
  body: string;
  timestampS: number;
  timeoutMs: number;
  fetch: typeof fetch;
}

function networkError(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? `network_error: ${cause.code}` : 'network_error';
}

/**
 * One signed POST. Only a 2xx counts as delivered; redirects are not followed (a receiver that moved must be
 * updated by the merchant, and following them would let an endpoint point the cloud at internal addresses).
 */
export async function sendWebhook(options: SendOptions): Promise<SendResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      redirect: 'manual',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'WayGo-Webhooks/1',
        'waygo-event-id': options.eventId,
        'waygo-signature': signatureHeader(options.secret, options.body, options.timestampS),
      },
      body: options.body,
    });
    // The receiver's answer is not needed; draining it frees the connection.
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `http_${response.status}` };
  } catch (err) {
    return { ok: false, statusCode: null, error: controller.signal.aborted ? 'timeout' : networkError(err) };
  } finally {
    clearTimeout(timer);
  }
}
