import { rethrowMapped, type ErrorMapping } from '../../errors/mapping.ts';

/** How a service's CloudError code reaches a wallet: status, family and the request field at fault. */
const MAPPING: ErrorMapping = {
  box_not_found: [404, 'invalid_request_error', 'boxId'],
  payment_not_found: [404, 'invalid_request_error'],
  merchandise_not_found: [404, 'invalid_request_error', 'sku'],
  challenge_invalid: [400, 'invalid_request_error', 'challenge'],
  hello_invalid: [400, 'invalid_request_error', 'hello'],
  hello_proof_invalid: [422, 'invalid_request_error', 'hello'],
  box_blocked: [403, 'invalid_request_error', 'boxId'],
  merchant_inactive: [403, 'invalid_request_error', 'boxId'],
};

/** A CloudError the wallet caused becomes its ApiError; anything else is rethrown as a fault of ours. */
export function rethrowForWallet(err: unknown): never {
  rethrowMapped(err, MAPPING);
}

/** Runs a service call, translating the CloudErrors a wallet can cause. */
export function forWallet<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    rethrowForWallet(err);
  }
}
