import type { Child } from 'hono/jsx';
import { usePage } from './page-context.ts';

export interface Column {
  label: string;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
}

export interface TableProps {
  caption: string;
  columns: Column[];
  rows: Child[][];
  /** Shown instead of an empty table. */
  empty?: string;
}

/** A data table that scrolls sideways on a narrow screen instead of breaking the page. */
export function Table({ caption, columns, rows, empty }: TableProps) {
  const { t } = usePage();
  if (rows.length === 0) return <p class="empty">{empty ?? t('common.noRows')}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={caption} tabindex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((col) => <th scope="col" class={col.numeric ? 'num' : undefined}>{col.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>{row.map((cell, i) => <td class={columns[i]?.numeric ? 'num' : undefined}>{cell}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface PagerProps {
  nextCursor: string | null;
  /** The list's URL with its filters; the pager adds `cursor`. */
  baseHref: string;
  /** Whether this page was reached with a cursor (shows a link back to the first page). */
  hasPrevious?: boolean;
}

export function withQuery(href: string, params: Record<string, string | undefined>): string {
  const [path = '', query = ''] = href.split('?');
  const search = new URLSearchParams(query);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') search.delete(k);
    else search.set(k, v);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function Pager({ nextCursor, baseHref, hasPrevious }: PagerProps) {
  const { t } = usePage();
  if (!nextCursor && !hasPrevious) return null;
  return (
    <nav class="pager" aria-label={t('common.nextPage')}>
      {hasPrevious ? <a href={withQuery(baseHref, { cursor: undefined })}>{t('common.firstPage')}</a> : null}
      {nextCursor ? <a href={withQuery(baseHref, { cursor: nextCursor })} rel="next">{t('common.nextPage')}</a> : null}
    </nav>
  );
}
