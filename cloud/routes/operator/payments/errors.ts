import type { ErrorMapping } from '../errors.ts';

/**
 * How the payment-management services' CloudErrors reach an operator (every `<thing>_not_found` is 404 already).
 * Shared by the payments, merchandise, acquirer, reports, stores and merchants routes.
 */
export const PAYMENT_ADMIN_ERRORS: ErrorMapping = {
  permission_denied: [403],
  platform_only: [403],
  parameter_invalid: [400],
  date_invalid: [400],
  tz_invalid: [400, 'invalid_request_error', 'tz'],
  range_invalid: [400, 'invalid_request_error', 'from'],
  range_too_long: [400, 'invalid_request_error', 'to'],
  reason_required: [400, 'invalid_request_error', 'reason'],
  refund_exceeds_payment: [409, 'invalid_request_error', 'amountMinor'],
  payment_not_charged: [409],
  illegal_transition: [409],
  idempotency_key_reused: [409, 'idempotency_error', 'Idempotency-Key'],
  sku_invalid: [400, 'invalid_request_error', 'sku'],
  sku_taken: [409, 'invalid_request_error', 'sku'],
  name_required: [400, 'invalid_request_error', 'name'],
  name_invalid: [400, 'invalid_request_error', 'name'],
  price_invalid: [400, 'invalid_request_error', 'priceMinor'],
  currency_unsupported: [422, 'invalid_request_error', 'currency'],
  scenario_params_invalid: [422, 'invalid_request_error', 'params'],
  merchant_code_invalid: [400, 'invalid_request_error', 'code'],
  merchant_code_taken: [409, 'invalid_request_error', 'code'],
  merchant_required: [400, 'invalid_request_error', 'merchantId'],
  acquirer_config_invalid: [422, 'invalid_request_error', 'settings'],
};
