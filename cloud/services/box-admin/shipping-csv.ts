// The factory's shipping list: one line per box. Every line is checked before anything is written, and every
// problem is reported with the file's own line number (header = line 1) so a person can fix the file in one go.
import { parse } from 'csv-parse/sync';
import { BOARDS, type Board } from './list.ts';

export const SHIPMENT_COLUMNS = ['box_id', 'serial', 'board', 'merchant_code', 'carrier', 'tracking_number', 'destination', 'shipped_at'] as const;
type Column = (typeof SHIPMENT_COLUMNS)[number];
const REQUIRED: Column[] = ['box_id', 'serial', 'board', 'merchant_code'];
/** More errors than this say "wrong file" well enough. */
export const MAX_REPORTED_ERRORS = 200;

export interface CsvLineError {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ShipmentLine {
  line: number;
  boxId: string;
  serial: string;
  board: Board;
  merchantCode: string;
  carrier: string | null;
  trackingNumber: string | null;
  destination: string | null;
  shippedAt: number | null;
}

interface Parsed { record: string[]; info: { lines: number } }

/** ISO 8601 date or date-time; a bare date is midnight UTC. */
function parseDate(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

function header(record: string[], errors: CsvLineError[]): Record<Column, number> | undefined {
  const names = record.map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  names.forEach((name, i) => {
    if (!(SHIPMENT_COLUMNS as readonly string[]).includes(name)) errors.push({ line: 1, column: name, code: 'column_unknown', message: `unknown column "${name}"` });
    else if ((at as Record<string, number>)[name] !== undefined) errors.push({ line: 1, column: name, code: 'column_duplicate', message: `column "${name}" appears twice` });
    else at[name as Column] = i;
  });
  for (const column of REQUIRED) if (at[column] === undefined) errors.push({ line: 1, column, code: 'column_missing', message: `column "${column}" is required` });
  return errors.length === 0 ? at : undefined;
}

function line(n: number, record: string[], at: Record<Column, number>, errors: CsvLineError[]): ShipmentLine | undefined {
  const value = (c: Column) => (at[c] === undefined ? '' : (record[at[c]] ?? '').trim());
  const fail = (column: Column, code: string, message: string) => errors.push({ line: n, column, code, message });
  const before = errors.length;
  for (const c of REQUIRED) if (value(c) === '') fail(c, 'required', `${c} is empty`);
  const boxId = value('box_id').toLowerCase();
  if (boxId !== '' && !/^[0-9a-f]{16}$/.test(boxId)) fail('box_id', 'box_id_invalid', 'box_id must be 16 hex digits');
  const board = value('board').toLowerCase();
  if (board !== '' && !(BOARDS as readonly string[]).includes(board)) fail('board', 'board_invalid', `board must be one of ${BOARDS.join(', ')}`);
  const shipped = value('shipped_at');
  const shippedAt = shipped === '' ? null : parseDate(shipped);
  if (shippedAt === undefined) fail('shipped_at', 'date_invalid', 'shipped_at must be an ISO 8601 date (2026-01-31)');
  if (errors.length > before) return undefined;
  const optional = (c: Column) => value(c) || null;
  return {
    line: n, boxId, serial: value('serial'), board: board as Board, merchantCode: value('merchant_code'), carrier: optional('carrier'),
    trackingNumber: optional('tracking_number'), destination: optional('destination'), shippedAt: shippedAt ?? null,
  };
}

/** The lines of a shipping CSV, or every error found in it. */
export function parseShipmentCsv(text: string): { ok: true; lines: ShipmentLine[] } | { ok: false; errors: CsvLineError[] } {
  let records: Parsed[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Parsed[];
  } catch (err) {
    const lines = (err as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line: lines, column: null, code: 'csv_malformed', message: (err as Error).message }] };
  }
  const errors: CsvLineError[] = [];
  const first = records[0];
  const at = first === undefined ? undefined : header(first.record, errors);
  if (first === undefined) errors.push({ line: 1, column: null, code: 'csv_empty', message: 'the file has no header line' });
  if (at === undefined) return { ok: false, errors };
  const lines: ShipmentLine[] = [];
  const seen: Record<string, number> = {};
  for (const { record, info } of records.slice(1)) {
    // info.lines is where the record ends; a quoted field may have spanned several lines.
    const n = info.lines - record.reduce((sum, field) => sum + field.split('\n').length - 1, 0);
    const parsed = line(n, record, at, errors);
    if (parsed && seen[parsed.boxId] !== undefined) {
      errors.push({ line: n, column: 'box_id', code: 'box_id_duplicate', message: `box ${parsed.boxId} is already on line ${seen[parsed.boxId]}` });
    } else if (parsed) {
      seen[parsed.boxId] = n;
      lines.push(parsed);
    }
    if (errors.length >= MAX_REPORTED_ERRORS) break;
  }
  if (lines.length === 0 && errors.length === 0) errors.push({ line: 1, column: null, code: 'csv_empty', message: 'the file has no shipment lines' });
  return errors.length === 0 ? { ok: true, lines } : { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}
