export { ApiError } from './api-error.ts';
export type { ApiErrorBody, ApiErrorOptions, ApiErrorStatus, ApiErrorType } from './api-error.ts';
export { CloudError } from './cloud-error.ts';
export { rethrowMapped } from './mapping.ts';
export type { ErrorMapping } from './mapping.ts';
