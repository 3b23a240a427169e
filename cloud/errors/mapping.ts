import { ApiError, type ApiErrorStatus, type ApiErrorType } from './api-error.ts';
import { CloudError } from './cloud-error.ts';

/** How a service's CloudError code reaches a client: status, family (default invalid_request_error) and the field at fault. */
export type ErrorMapping = Record<string, [ApiErrorStatus, ApiErrorType?, string?]>;

/**
 * A CloudError the caller caused becomes its ApiError, as `mapping` (or `fallback`, for codes named by a rule)
 * says; anything else is rethrown unchanged, to be answered as a fault of ours.
 */
export function rethrowMapped(err: unknown, mapping: ErrorMapping, fallback?: (code: string) => ErrorMapping[string] | undefined): never {
  if (err instanceof CloudError) {
    const mapped = mapping[err.code] ?? fallback?.(err.code);
    if (mapped) {
      const [status, type = 'invalid_request_error', param] = mapped;
      throw new ApiError({ status, type, code: err.code, message: err.message, ...(param ? { param } : {}) });
    }
  }
  throw err;
}
