import { rethrowMapped, type ErrorMapping } from '../../errors/mapping.ts';

export type { ErrorMapping } from '../../errors/mapping.ts';

/** Codes the authority services answer; route modules pass their own services' codes as `extra`. */
const AUTHORITY: ErrorMapping = {
  cursor_invalid: [400, 'invalid_request_error', 'cursor'],
  permission_unknown: [400, 'invalid_request_error', 'permissions'],
  expiry_invalid: [400, 'invalid_request_error', 'expiresAt'],
  password_weak: [422, 'invalid_request_error', 'password'],
  permission_escalation: [403],
  email_taken: [409, 'invalid_request_error', 'email'],
  account_self_disable: [409, 'invalid_request_error', 'status'],
  invalid_credentials: [401, 'authentication_error'],
};

/**
 * A CloudError a caller caused becomes its ApiError: the mapped status, or 404 for any `<thing>_not_found`
 * (which is also what another tenant's row answers); anything else is rethrown as a fault of ours.
 */
export function rethrowForOperator(err: unknown, extra: ErrorMapping = {}): never {
  rethrowMapped(err, { ...AUTHORITY, ...extra }, (code) => (code.endsWith('_not_found') ? [404] : undefined));
}

/** Runs a service call (sync or async), translating the CloudErrors an operator can cause. */
export async function forOperator<T>(fn: () => T | Promise<T>, extra?: ErrorMapping): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    rethrowForOperator(err, extra);
  }
}
