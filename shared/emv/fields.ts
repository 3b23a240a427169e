// The decoded shape: one named key per EMVCo root data object, templates as objects of sub-IDs.

/** A template's sub-IDs and values. */
export interface EmvTemplate {
  [subId: string]: string;
}

/** A template that did not parse as TLV stays text (lenient mode only). */
export type EmvValue = string | EmvTemplate;

export interface EmvFields {
  payloadFormatIndicator?: string;
  pointOfInitiation?: 'static' | 'dynamic';
  merchantAccountInformation?: { [id: string]: EmvValue };
  mcc?: string;
  currency?: string;
  amount?: string;
  tipOrConvenienceIndicator?: string;
  convenienceFeeFixed?: string;
  convenienceFeePercentage?: string;
  country?: string;
  merchantName?: string;
  merchantCity?: string;
  postalCode?: string;
  additionalData?: EmvValue;
  languageTemplate?: EmvValue;
  otherTags?: { [id: string]: EmvValue };
}

/** What `decode` returns. `payloadFormatIndicator` is always there because ID 00 must come first. */
export interface EmvPayload extends EmvFields {
  payloadFormatIndicator: string;
  crc: string;
}

/** What `encode` takes: the decoded shape without `crc` (a `crc` key is ignored). */
export type EmvInput = EmvFields & { crc?: string };

export type PlainKey =
  | 'payloadFormatIndicator' | 'mcc' | 'currency' | 'amount' | 'tipOrConvenienceIndicator' | 'convenienceFeeFixed'
  | 'convenienceFeePercentage' | 'country' | 'merchantName' | 'merchantCity' | 'postalCode';

export const PLAIN_FIELDS: { id: string; key: PlainKey }[] = [
  { id: '00', key: 'payloadFormatIndicator' },
  { id: '52', key: 'mcc' },
  { id: '53', key: 'currency' },
  { id: '54', key: 'amount' },
  { id: '55', key: 'tipOrConvenienceIndicator' },
  { id: '56', key: 'convenienceFeeFixed' },
  { id: '57', key: 'convenienceFeePercentage' },
  { id: '58', key: 'country' },
  { id: '59', key: 'merchantName' },
  { id: '60', key: 'merchantCity' },
  { id: '61', key: 'postalCode' },
];

export const TEMPLATE_FIELDS: { id: string; key: 'additionalData' | 'languageTemplate' }[] = [
  { id: '62', key: 'additionalData' },
  { id: '64', key: 'languageTemplate' },
];

/** IDs whose value is itself TLV: merchant account templates, additional data, language, unreserved. */
export function isTemplateId(id: string): boolean {
  const n = +id;
  return (n >= 26 && n <= 51) || n === 62 || n === 64 || n >= 80;
}

export function isMerchantAccountId(id: string): boolean {
  const n = +id;
  return n >= 2 && n <= 51;
}
