import { CloudError } from '../../errors/cloud-error.ts';

/**
 * ISO 4217 alphabetic → numeric, for the currencies boxes are sold with. The telegram carries the numeric code
 * (uint16) and acquirers take it as three digits; merchandise keeps the alphabetic one people read.
 */
const NUMERIC: Readonly<Record<string, number>> = {
  AUD: 36, CAD: 124, CHF: 756, CNY: 156, DKK: 208, EUR: 978, GBP: 826, HKD: 344, IDR: 360, INR: 356, JPY: 392,
  KRW: 410, MYR: 458, NOK: 578, NZD: 554, PHP: 608, PLN: 985, SEK: 752, SGD: 702, THB: 764, TWD: 901, USD: 840,
  VND: 704,
};

/** The numeric code of an alphabetic one; CloudError `currency_unsupported` for any other. */
export function currencyNumeric(alpha: string): number {
  const code = Object.prototype.hasOwnProperty.call(NUMERIC, alpha) ? NUMERIC[alpha] : undefined;
  if (code === undefined) throw new CloudError('currency_unsupported', `currency ${alpha} is not supported`);
  return code;
}

/** Three digits, as acquirers take it ("392"). */
export function currencyDigits(alpha: string): string {
  return String(currencyNumeric(alpha)).padStart(3, '0');
}
