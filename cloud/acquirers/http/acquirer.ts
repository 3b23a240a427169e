import type { BackoffOptions } from '../../webhooks/backoff.ts';
import type { Logger } from '../../types.ts';
import type { Acquirer } from '../types.ts';
import { verifyGatewayCallback } from './callback.ts';
import { postToGateway, type GatewayClientOptions } from './gateway-client.ts';
import { chargeFromOutcome, refundFromOutcome } from './mapping.ts';
import { chargeKey, refundKey, type GatewayChargeBody, type GatewayRefundBody } from './protocol.ts';

export interface HttpAcquirerOptions {
  name?: string;
  /** The gateway's base URL; charges go to `<base>/charges`, refunds to `<base>/refunds`. */
  baseUrl: string;
  /** Shared with the gateway: signs our requests and its callbacks. Never logged. */
  secret: string;
  /** Our merchant account at the gateway. */
  merchant: string;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  callbackToleranceS?: number;
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => number;
  logger?: Logger;
}

export interface HttpAcquirer extends Acquirer {
  verifyCallback: NonNullable<Acquirer['verifyCallback']>;
}

/** A generic payment gateway over HTTPS: signed JSON requests, its own idempotency, signed callbacks. */
export function createHttpAcquirer(options: HttpAcquirerOptions): HttpAcquirer {
  const now = options.now ?? Date.now;
  const client: GatewayClientOptions = {
    baseUrl: options.baseUrl,
    secret: options.secret,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAttempts: options.maxAttempts ?? 3,
    backoff: options.backoff ?? { baseMs: 200, maxMs: 2_000 },
    fetch: options.fetch ?? fetch,
    random: options.random ?? Math.random,
    now,
    logger: options.logger,
  };
  return {
    name: options.name ?? 'http',
    async charge(request) {
      const body: GatewayChargeBody = {
        idempotency_key: chargeKey(request.paymentId),
        amount: request.amountMinor,
        currency: request.currency,
        merchant: options.merchant,
        reference: request.paymentId,
      };
      return chargeFromOutcome(await postToGateway(client, 'charges', body));
    },
    async refund(request) {
      const body: GatewayRefundBody = {
        idempotency_key: refundKey(request.refundId),
        amount: request.amountMinor,
        currency: request.currency,
        merchant: options.merchant,
        reference: request.refundId,
        charge: request.acquirerRef,
      };
      return refundFromOutcome(await postToGateway(client, 'refunds', body));
    },
    verifyCallback(rawBody, headers) {
      return verifyGatewayCallback(rawBody, headers, {
        secret: options.secret,
        toleranceS: options.callbackToleranceS ?? 300,
        nowS: Math.floor(now() / 1000),
      });
    },
  };
}
