import { usePage } from './page-context.ts';

/** Digits after the decimal point of a currency (TWD and USD 2, JPY 0), as Intl knows them. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units as the reader's locale writes the amount; the arithmetic stays in integers. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const scale = 10 ** digits;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const major = `${sign}${Math.floor(abs / scale)}${digits > 0 ? `.${String(abs % scale).padStart(digits, '0')}` : ''}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits }).format(Number(major));
  } catch {
    return `${major} ${currency}`;
  }
}

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { locale } = usePage();
  return <span class="money">{formatMoney(minor, currency, locale)}</span>;
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, as the seed's transaction list shows times; the full instant is in `datetime`. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function DateTime({ ms, dateOnly }: { ms: number | null | undefined; dateOnly?: boolean }) {
  const { t } = usePage();
  if (ms === null || ms === undefined) return <span>{t('common.none')}</span>;
  const text = formatDateTime(ms);
  return <time datetime={new Date(ms).toISOString()}>{dateOnly ? text.slice(0, 10) : `${text} UTC`}</time>;
}
