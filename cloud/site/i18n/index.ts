export { LOCALES, isLocale, pickLocale, translator } from './translate.ts';
export type { Locale, LocaleSources, Translate } from './translate.ts';
