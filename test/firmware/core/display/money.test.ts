import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { currencyCode, currencyExponent, formatAmount, formatMoney } from '../../../../firmware/src/core/display/index.ts';

const format = suite('formatAmount');

format('writes minor units with the exponent as decimals', () => {
  assert.is(formatAmount(1250, 2), '12.50');
  assert.is(formatAmount(5, 2), '0.05');
  assert.is(formatAmount(0, 2), '0.00');
  assert.is(formatAmount(1500, 0), '1500');
  assert.is(formatAmount(12345, 3), '12.345');
  assert.is(formatAmount(-250, 2), '-2.50');
});

format('reads back as the same number of minor units for any amount and exponent 0 to 3', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 3 }), (minor, exponent) => {
    const text = formatAmount(minor, exponent);
    return /^\d+(\.\d+)?$/.test(text) && Math.round(Number(text) * 10 ** exponent) === minor;
  }));
});

format.run();

const currency = suite('currencyExponent');

currency('knows zero-decimal and three-decimal currencies and defaults to two', () => {
  assert.equal([392, 410, 704, 764, 840, 414, 48, 999].map(currencyExponent), [0, 0, 0, 2, 2, 3, 3, 2]);
});

currency('names currencies by their alphabetic code, unknown ones by the numeric code', () => {
  assert.equal([764, 36, 999, 8].map(currencyCode), ['THB', 'AUD', '999', '008']);
  assert.is(formatMoney(4000, 764), '40.00 THB');
  assert.is(formatMoney(1500, 392), '1500 JPY');
});

currency.run();
