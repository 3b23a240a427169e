// A real payment gateway for the http acquirer's tests: node:http on 127.0.0.1, port 0. It checks request
// signatures, keeps its own idempotency (a key is charged once, whatever the retries), and can be told to fail.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeader, verifySignatureHeader } from '../../../cloud/webhooks/index.ts';

interface Stored { status: number; body: unknown }

export interface TestGateway {
  url: string;
  /** How many times each idempotency key moved money. */
  charges: Map<string, number>;
  /** Requests received, signed or not. */
  requests: number;
  /** The next n requests are answered with `status` before anything is processed. */
  failNext(n: number, status?: number): void;
  /** The next n requests are processed and stored, then answered only after `ms` (past the client's timeout). */
  delayNext(n: number, ms: number): void;
  /** Amount -> how the gateway refuses it: 'decline' answers 200 declined, a number answers that 4xx. */
  refusals: Map<number, 'decline' | number>;
  /** POSTs a signed callback to `target`; `timestampS` and `secret` can be overridden to forge one. */
  sendCallback(target: string, event: object, options?: { timestampS?: number; secret?: string }): Promise<number>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

export async function startGateway(secret: string): Promise<TestGateway> {
  const stored = new Map<string, Stored>();
  let failing = { n: 0, status: 503 };
  let delaying = { n: 0, ms: 0 };
  const gateway = { charges: new Map<string, number>(), requests: 0, refusals: new Map<number, 'decline' | number>() };

  function perform(path: string, body: Record<string, unknown>): Stored {
    const key = String(body.idempotency_key);
    const previous = stored.get(key);
    if (previous) return previous;
    const amount = Number(body.amount);
    const refusal = gateway.refusals.get(amount);
    let answer: Stored;
    if (typeof refusal === 'number') answer = { status: refusal, body: { error: { code: 'card_declined', message: 'Declined by the issuer.' } } };
    else if (refusal === 'decline') answer = { status: 200, body: { id: `gw_${stored.size + 1}`, status: path === '/refunds' ? 'failed' : 'declined', code: 'insufficient_funds' } };
    else {
      gateway.charges.set(key, (gateway.charges.get(key) ?? 0) + 1);
      answer = { status: 200, body: { id: `gw_${stored.size + 1}`, status: path === '/refunds' ? 'refunded' : 'approved' } };
    }
    stored.set(key, answer);
    return answer;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    gateway.requests += 1;
    const raw = await readBody(req);
    const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (failing.n > 0) {
      failing.n -= 1;
      return reply(failing.status, { error: { code: 'unavailable' } });
    }
    try {
      verifySignatureHeader(secret, raw, req.headers['gateway-signature'] as string | undefined);
    } catch {
      return reply(401, { error: { code: 'signature_invalid', message: 'Bad signature.' } });
    }
    const answer = perform(req.url ?? '', JSON.parse(raw) as Record<string, unknown>);
    if (delaying.n > 0) {
      delaying.n -= 1;
      setTimeout(() => !res.destroyed && reply(answer.status, answer.body), delaying.ms);
      return;
    }
    reply(answer.status, answer.body);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(gateway, {
    url: `http://127.0.0.1:${port}/`,
    failNext(n: number, status = 503) {
      failing = { n, status };
    },
    delayNext(n: number, ms: number) {
      delaying = { n, ms };
    },
    async sendCallback(target: string, event: object, options: { timestampS?: number; secret?: string } = {}) {
      const body = JSON.stringify(event);
      const t = options.timestampS ?? Math.floor(Date.now() / 1000);
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'gateway-signature': signatureHeader(options.secret ?? secret, body, t) },
        body,
      });
      return response.status;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
