/** Stripe-style error families: they tell a client whether to fix the request, authenticate or retry. */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'idempotency_error'
  | 'rate_limit_error'
  | 'api_error';

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface ApiErrorOptions {
  status: ApiErrorStatus;
  type: ApiErrorType;
  code: string;
  message: string;
  /** The request field at fault, when there is one. */
  param?: string;
}

export interface ApiErrorBody {
  error: { type: ApiErrorType; code: string; message: string; param: string | null };
}

/** The one HTTP error: whatever a handler throws as ApiError reaches the client as `toBody()`. */
export class ApiError extends Error {
  readonly status: ApiErrorStatus;
  readonly type: ApiErrorType;
  readonly code: string;
  readonly param: string | undefined;

  constructor(options: ApiErrorOptions) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.type = options.type;
    this.code = options.code;
    this.param = options.param;
  }

  toBody(): ApiErrorBody {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param ?? null } };
  }
}
