// ISO 4217 numeric code, alphabetic code and minor-unit exponent of the currencies WayGo markets use; others
// show their numeric code with two decimals. One string instead of an object table: it costs its characters
// in flash and nothing in RAM.
const CURRENCIES = '764THB2 840USD2 978EUR2 826GBP2 392JPY0 156CNY2 344HKD2 901TWD2 702SGD2 458MYR2 360IDR2 ' +
  '608PHP2 704VND0 410KRW0 356INR2 036AUD2 756CHF2 986BRL2 414KWD3 048BHD3';

function find(currency: number): number {
  return CURRENCIES.indexOf(('00' + currency).slice(-3));
}

/** Minor-unit exponent of a currency (2 when unknown). */
export function currencyExponent(currency: number): number {
  const at = find(currency);
  return at < 0 ? 2 : +CURRENCIES.charAt(at + 6);
}

/** The currency's alphabetic code, or its numeric code when unknown. */
export function currencyCode(currency: number): string {
  const at = find(currency);
  return at < 0 ? ('00' + currency).slice(-3) : CURRENCIES.substr(at + 3, 3);
}

/** Minor units as a decimal string with the currency's exponent: 1250, 2 → "12.50"; the EMV tag 54 form too. */
export function formatAmount(minor: number, exponent: number): string {
  let digits = String(Math.abs(Math.round(minor)));
  while (digits.length <= exponent) digits = '0' + digits;
  const whole = digits.slice(0, digits.length - exponent);
  return (minor < 0 ? '-' : '') + (exponent ? whole + '.' + digits.slice(-exponent) : whole);
}

/** "12.50 THB". */
export function formatMoney(minor: number, currency: number): string {
  return formatAmount(minor, currencyExponent(currency)) + ' ' + currencyCode(currency);
}
