// The report's range as the GET form sends it. Without dates it shows the last seven days up to today in the
// chosen time zone, so the page opens on something useful.
import { localDate } from '../../../services/payment-admin/zoned-time.ts';

export const DEFAULT_DAYS = 7;

export interface ReportForm {
  from: string;
  to: string;
  tz: string;
  /** A platform account may narrow the report to one merchant; empty means all it sees. */
  merchantId: string;
}

/** `YYYY-MM-DD` moved by whole days (calendar arithmetic in UTC, where every day has 24 hours). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export function readReportForm(query: Record<string, string | undefined>, now: number): ReportForm {
  const tz = query.tz?.trim() || 'UTC';
  let to = query.to?.trim() ?? '';
  if (!to) {
    try {
      to = localDate(now, tz);
    } catch {
      // An unknown zone is reported by the service with the rest of the form; any date will do meanwhile.
      to = new Date(now).toISOString().slice(0, 10);
    }
  }
  const from = query.from?.trim() || shiftDate(to, 1 - DEFAULT_DAYS);
  return { from, to, tz, merchantId: query.merchantId?.trim() ?? '' };
}
