// The transaction search form as the browser sends it (GET, so a search is a link one can bookmark) and its
// translation to the query the payment-admin service reads. People type amounts in the currency's units
// ("740.10"); the service compares integer minor units, so the form needs the currency to know the scale.
import { currencyDigits } from '../../components/index.ts';
import type { FormError } from '../../components/index.ts';
import type { Translate } from '../../i18n/index.ts';

export const SEARCH_FIELDS = [
  'merchantName', 'merchantCode', 'storeId', 'boxId', 'walletAppId', 'from', 'to', 'amountFrom', 'amountTo', 'currency', 'state',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchForm = Partial<Record<SearchField, string>>;

/** The form's fields out of a query string, trimmed; blanks dropped so links stay short. */
export function readSearchForm(query: Record<string, string | undefined>): SearchForm {
  const form: SearchForm = {};
  for (const name of SEARCH_FIELDS) {
    const value = query[name]?.trim();
    if (!value) continue;
    if (name === 'currency') form[name] = value.toUpperCase();
    else form[name] = name === 'boxId' ? value.toLowerCase() : value;
  }
  return form;
}

/** `740.10` in a 2-digit currency → 74010; undefined when the text is not an amount with at most `digits` decimals. */
export function toMinor(text: string, digits: number): number | undefined {
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export interface ServiceQuery {
  /** Query fields named as the payment-admin service reads them. */
  query: Record<string, string>;
  errors: FormError[];
}

/** The service's query for a form, or the errors to show next to the amount fields. */
export function serviceQuery(form: SearchForm, t: Translate): ServiceQuery {
  const query: Record<string, string> = {};
  const errors: FormError[] = [];
  for (const name of ['merchantName', 'merchantCode', 'storeId', 'walletAppId', 'from', 'to', 'currency', 'state'] as const) {
    const value = form[name];
    if (value !== undefined) query[name] = value;
  }
  if (form.boxId !== undefined) {
    if (/^[0-9a-f]{16}$/.test(form.boxId)) query.boxId = form.boxId;
    else errors.push({ field: 'boxId', message: t('payments.boxIdInvalid') });
  }
  const amounts = [['amountFrom', 'minAmount'], ['amountTo', 'maxAmount']] as const;
  for (const [field, param] of amounts) {
    const text = form[field];
    if (text === undefined) continue;
    if (form.currency === undefined) {
      errors.push({ field, message: t('payments.amountNeedsCurrency') });
      continue;
    }
    const minor = toMinor(text, currencyDigits(form.currency));
    if (minor === undefined) errors.push({ field, message: t('payments.amountInvalid') });
    else query[param] = String(minor);
  }
  return { query, errors };
}

/** The same search as a query string (for the pager, the CSV link, the language switch). */
export function searchQueryString(form: SearchForm): string {
  const params = new URLSearchParams();
  for (const name of SEARCH_FIELDS) {
    const value = form[name];
    if (value !== undefined) params.set(name, value);
  }
  return params.toString();
}
