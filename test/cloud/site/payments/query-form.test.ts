import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readSearchForm, searchQueryString, serviceQuery, toMinor } from '../../../../cloud/site/pages/payments/query-form.ts';
import { translator } from '../../../../cloud/site/i18n/index.ts';

const t = translator('en');

const minor = suite('toMinor');

minor('reads an amount in the currency\'s units as integer minor units', () => {
  assert.is(toMinor('740.10', 2), 74010);
  assert.is(toMinor('740.1', 2), 74010);
  assert.is(toMinor('740', 2), 74000);
  assert.is(toMinor('300', 0), 300);
  assert.is(toMinor('0.05', 2), 5);
});

minor('refuses more decimals than the currency has, signs, exponents and grouping', () => {
  for (const text of ['1.005', '3.5', '-1', '1e3', '1,000', '', '.5', '12.']) {
    assert.is(toMinor(text, text === '3.5' ? 0 : 2), undefined, text);
  }
});

minor('inverts formatting minor units with the same number of decimals', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (n, digits) => {
    const scale = 10 ** digits;
    const text = digits === 0 ? String(n) : `${Math.floor(n / scale)}.${String(n % scale).padStart(digits, '0')}`;
    assert.is(toMinor(text, digits), n);
  }));
});

minor.run();

const read = suite('readSearchForm');

read('keeps the known fields, trimmed, drops blanks and upper-cases the currency', () => {
  assert.equal(readSearchForm({ merchantCode: ' A001 ', amountFrom: '', currency: 'twd', cursor: 'x', other: 'y' }), { merchantCode: 'A001', currency: 'TWD' });
});

read('lower-cases a box id, as the service compares it', () => {
  assert.equal(readSearchForm({ boxId: ' B0B0B0B0B0B0B0B0 ', storeId: 's_1', walletAppId: 'wa_1' }), { storeId: 's_1', boxId: 'b0b0b0b0b0b0b0b0', walletAppId: 'wa_1' });
});

read('round-trips through the query string the pager and CSV link use', () => {
  const form = readSearchForm({ merchantName: 'Laundry & Co', from: '2026-11-01', state: 'finish' });
  assert.equal(readSearchForm(Object.fromEntries(new URLSearchParams(searchQueryString(form)))), form);
});

read.run();

const service = suite('serviceQuery');

service('turns amounts into minor units of the chosen currency under the service\'s names', () => {
  const { query, errors } = serviceQuery({ amountFrom: '125.5', amountTo: '300', currency: 'TWD', merchantCode: 'A001' }, t);
  assert.equal(errors, []);
  assert.equal(query, { merchantCode: 'A001', currency: 'TWD', minAmount: '12550', maxAmount: '30000' });
});

service('asks for a currency before it filters by amount, on the amount field', () => {
  const { errors } = serviceQuery({ amountFrom: '10' }, t);
  assert.equal(errors, [{ field: 'amountFrom', message: t('payments.amountNeedsCurrency') }]);
});

service('names the amount field that is not an amount', () => {
  const { errors } = serviceQuery({ amountTo: '1.234', currency: 'TWD' }, t);
  assert.equal(errors.map((e) => e.field), ['amountTo']);
});

service('passes store, box and wallet app through, and names a box id that is not 16 hex digits', () => {
  assert.equal(serviceQuery({ storeId: 's_1', boxId: 'b0b0b0b0b0b0b0b0', walletAppId: 'wa_1' }, t), { query: { storeId: 's_1', walletAppId: 'wa_1', boxId: 'b0b0b0b0b0b0b0b0' }, errors: [] });
  assert.equal(serviceQuery({ boxId: 'b0b0' }, t), { query: {}, errors: [{ field: 'boxId', message: t('payments.boxIdInvalid') }] });
});

service.run();
