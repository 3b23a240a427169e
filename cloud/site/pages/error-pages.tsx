import type { CloudError } from '../../errors/cloud-error.ts';
import type { Permission } from '../../services/authority/permissions.ts';
import { Layout, Notice } from '../components/index.ts';
import type { PublicContext } from '../context.ts';

export function forbiddenPage(ctx: PublicContext, permission: Permission) {
  return (
    <Layout title={ctx.t('error.forbidden.title')} ctx={ctx}>
      <Notice kind="error">{ctx.t('error.forbidden.body', { permission: ctx.t(`perm.${permission}`) })}</Notice>
    </Layout>
  );
}

export function notFoundPage(ctx: PublicContext) {
  return (
    <Layout title={ctx.t('error.notFound.title')} ctx={ctx}>
      <p>{ctx.t('error.notFound.body')}</p>
    </Layout>
  );
}

/** A service refused: its message is written for operators and names no secret; the code helps support. */
export function errorPage(ctx: PublicContext, err: CloudError) {
  if (err.code.endsWith('_not_found')) return notFoundPage(ctx);
  return (
    <Layout title={ctx.t('error.title')} ctx={ctx}>
      <Notice kind="error">
        <p>{err.message}</p>
        <p>{ctx.t('error.code', { code: err.code })}</p>
      </Notice>
    </Layout>
  );
}

/** Our own fault: nothing about it reaches the page. */
export function internalErrorPage(ctx: PublicContext) {
  return (
    <Layout title={ctx.t('error.title')} ctx={ctx}>
      <Notice kind="error">{ctx.t('error.internal')}</Notice>
    </Layout>
  );
}

/** A form refused before it ran: no CSRF token, or posted from another site. */
export function refusedPage(ctx: PublicContext, messageKey: string) {
  return (
    <Layout title={ctx.t('error.forbidden.title')} ctx={ctx}>
      <Notice kind="error">{ctx.t(messageKey)}</Notice>
    </Layout>
  );
}
