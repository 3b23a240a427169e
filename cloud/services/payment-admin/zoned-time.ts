// Calendar days in a merchant's time zone with nothing but Intl: a day starts at local midnight, which is not a
// fixed UTC offset where daylight saving time applies, so offsets are read per instant, never assumed.
import { CloudError } from '../../errors/cloud-error.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
    } catch {
      throw new CloudError('tz_invalid', 'tz is not an IANA time zone name');
    }
    formats.set(tz, f);
  }
  return f;
}

/** Throws CloudError `tz_invalid` for a name Intl does not know. */
export function checkTimeZone(tz: string): string {
  format(tz);
  return tz;
}

function fields(ms: number, tz: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of format(tz).formatToParts(ms)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** How far local time is ahead of UTC at this instant, in ms. */
function offsetAt(ms: number, tz: string): number {
  const f = fields(ms, tz);
  const local = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return local - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(ms: number, tz: string): string {
  const f = fields(ms, tz);
  return `${pad(f.year!, 4)}-${pad(f.month!, 2)}-${pad(f.day!, 2)}`;
}

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new CloudError('date_invalid', `${date} is not a YYYY-MM-DD date`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The instant local midnight starts `date` (the second pass settles days whose offset changes at midnight). */
export function startOfLocalDay(date: string, tz: string): number {
  const [y, m, d] = dateParts(date);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}

/** The calendar date after `date`. */
export function nextDate(date: string): string {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * An instant as a filter takes it: ms since the epoch, an ISO 8601 date-time, or a date alone, which means the
 * start of that local day (`edge: 'start'`) or the start of the day after it (`edge: 'end'`, an exclusive bound
 * that keeps the whole day).
 */
export function parseInstant(text: string, tz: string, edge: 'start' | 'end'): number {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (DATE.test(text)) return startOfLocalDay(edge === 'start' ? text : nextDate(text), tz);
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) throw new CloudError('date_invalid', `${text} is not ms since the epoch, an ISO 8601 date-time or a date`);
  return ms;
}
