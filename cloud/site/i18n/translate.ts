import { en } from './en.ts';
import { zhTW } from './zh-TW.ts';

export type Locale = 'en' | 'zh-TW';
export const LOCALES: readonly Locale[] = ['en', 'zh-TW'];

/** Looks a message up and fills its `{name}` placeholders; an unknown key shows as itself so it is easy to spot. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const MESSAGES: Record<Locale, Record<string, string>> = { en, 'zh-TW': zhTW };

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-TW';
}

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, vars) => {
    const text = messages[key] ?? en[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

export interface LocaleSources {
  /** The signed-in account's setting, when there is one. */
  account?: string | null | undefined;
  /** `?lang=` of this request. */
  query?: string | null | undefined;
  /** The `waygo_lang` cookie, set by the language switch. */
  cookie?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}

/** Any Chinese the browser asks for gets zh-TW, the only Chinese the site speaks. */
function fromAcceptLanguage(header: string): Locale | null {
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-TW';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}

/** The account's own setting first, then this request's choice, then the browser's; English when none fits. */
export function pickLocale(sources: LocaleSources): Locale {
  for (const candidate of [sources.account, sources.query, sources.cookie]) {
    if (isLocale(candidate)) return candidate;
  }
  return (sources.acceptLanguage ? fromAcceptLanguage(sources.acceptLanguage) : null) ?? 'en';
}
