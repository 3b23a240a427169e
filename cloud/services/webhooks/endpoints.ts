// Merchants' webhook endpoints. The signing secret is drawn here, handed out once at creation, and kept only
// sealed under the KEK; the delivery worker opens it at each attempt.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Kek } from '../../crypto/kek.ts';
import { openSecret, sealSecret } from '../../crypto/seal.ts';
import type { Executor } from '../../db/open.ts';
import { merchants, webhookEndpoints } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import type { WebhookEndpoint } from '../../webhooks/engine.ts';

export interface EndpointOptions {
  kek: Kek;
  /** Recorded in the audit log as who did it. */
  actor: string;
  now?: () => number;
}

export interface CreatedEndpoint {
  id: string;
  url: string;
  /** `whsec_…`: the HMAC key for `WayGo-Signature`. Returned only here. */
  secret: string;
}

/** The blob opens only for its own endpoint row. */
const context = (id: string) => `webhook_endpoints/${id}/secret`;

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CloudError('webhook_url_invalid', 'the endpoint URL is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new CloudError('webhook_url_invalid', 'the endpoint URL must be http or https');
  if (parsed.username !== '' || parsed.password !== '') throw new CloudError('webhook_url_invalid', 'the endpoint URL must not carry credentials');
}

export function createWebhookEndpoint(db: Executor, merchantId: string, url: string, { kek, actor, now = Date.now }: EndpointOptions): CreatedEndpoint {
  checkUrl(url);
  return db.transaction((tx) => {
    if (!tx.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchantId)).get()) {
      throw new CloudError('merchant_not_found', `no merchant ${merchantId}`);
    }
    const id = `we_${randomBytes(12).toString('hex')}`;
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const at = now();
    tx.insert(webhookEndpoints).values({
      id, merchantId, url, sealedSecret: Buffer.from(sealSecret(kek, Buffer.from(secret), context(id))), enabled: true, createdAt: at,
    }).run();
    appendAudit(tx, { at, actor, action: 'webhook_endpoint.created', subjectType: 'merchant', subjectId: merchantId, data: { endpointId: id, url } });
    return { id, url, secret };
  });
}

/** No new events are queued for it, and its pending deliveries are given up at their next attempt. */
export function disableWebhookEndpoint(db: Executor, id: string, { actor, now = Date.now }: Omit<EndpointOptions, 'kek'>): void {
  db.transaction((tx) => {
    const row = tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
    if (!row) throw new CloudError('webhook_endpoint_not_found', `no webhook endpoint ${id}`);
    if (!row.enabled) return;
    const at = now();
    tx.update(webhookEndpoints).set({ enabled: false, disabledAt: at }).where(eq(webhookEndpoints.id, id)).run();
    appendAudit(tx, { at, actor, action: 'webhook_endpoint.disabled', subjectType: 'merchant', subjectId: row.merchantId, data: { endpointId: id } });
  });
}

/** The endpoint as the delivery engine needs it, secret opened; undefined when it does not exist. */
export function loadWebhookEndpoint(db: Executor, kek: Kek, id: string): WebhookEndpoint | undefined {
  const row = db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
  if (!row) return undefined;
  const secret = Buffer.from(openSecret(kek, row.sealedSecret, context(id))).toString('utf8');
  return { id: row.id, url: row.url, secret, enabled: row.enabled };
}
