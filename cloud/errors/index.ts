export { ApiError } from './api-error.ts';
export type { ApiErrorBody, ApiErrorOptions, ApiErrorStatus, ApiErrorType } from './api-error.ts';
export { CloudError } from './cloud-error.ts';
