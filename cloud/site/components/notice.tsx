import type { Child } from 'hono/jsx';
import { fieldId } from './form.tsx';
import { usePage } from './page-context.ts';

export interface NoticeProps {
  kind?: 'info' | 'success' | 'warning' | 'error';
  children?: Child;
}

/** A message box; errors are announced at once (role alert), the rest politely (role status). */
export function Notice({ kind = 'info', children }: NoticeProps) {
  return <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

export interface FormError {
  /** The field at fault (its `name`); the summary links to it. */
  field?: string | undefined;
  message: string;
}

export interface ErrorSummaryProps {
  errors: FormError[];
  title?: string;
}

/** The form's errors at its top, each linking to its field, so a keyboard or screen-reader user finds them. */
export function ErrorSummary({ errors, title }: ErrorSummaryProps) {
  const { t } = usePage();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{title ?? t('common.errorSummary')}</h2>
      <ul>
        {errors.map((e) => <li>{e.field ? <a href={`#${fieldId(e.field)}`}>{e.message}</a> : e.message}</li>)}
      </ul>
    </div>
  );
}

export interface DoneNoticeProps {
  /** `?done=` of the page a form redirected to. */
  done: string | undefined;
  /** i18n key prefix; the message is `<prefix><done>`. */
  prefix: string;
  /** The names this page's forms redirect with; anything else in the query shows nothing. */
  allowed: readonly string[];
}

/** The success message after a post/redirect/get. */
export function DoneNotice({ done, prefix, allowed }: DoneNoticeProps) {
  const { t } = usePage();
  return done !== undefined && allowed.includes(done) ? <Notice kind="success">{t(`${prefix}${done}`)}</Notice> : null;
}
