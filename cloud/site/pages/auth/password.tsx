import { Hono } from 'hono';
import { CloudError } from '../../../errors/cloud-error.ts';
import { sessionToken } from '../../../middleware/operator-auth/index.ts';
import { changeOwnPassword } from '../../../services/authority/index.ts';
import { ErrorSummary, Field, Form, Layout, Notice, type FormError } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { postedForm } from '../../forms.ts';

function passwordView(ctx: SiteContext, state: { errors?: FormError[]; done?: boolean }) {
  const { t } = ctx;
  const errors = state.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout title={t('password.title')} ctx={ctx}>
      {state.done ? <Notice kind="success">{t('password.changed')}</Notice> : null}
      <ErrorSummary errors={errors} />
      <Form action="/admin/password" ctx={ctx} class="login">
        <Field name="currentPassword" type="password" label={t('password.current')} autocomplete="current-password" error={errorOf('currentPassword')} required />
        <Field name="newPassword" type="password" label={t('password.new')} hint={t('accounts.passwordHint')} autocomplete="new-password" error={errorOf('newPassword')} required />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

/** Any signed-in operator changes its own password; this session stays signed in, the account's others end. */
export function passwordPages({ db, now }: SiteDeps): Hono<SiteEnv> {
  const app = new Hono<SiteEnv>();
  app.get('/password', sitePage(null, (c, ctx) => passwordView(ctx, { done: c.req.query('done') === '1' })));
  app.post('/password', sitePage(null, async (c, ctx) => {
    const form = await postedForm(c);
    const token = sessionToken(c);
    try {
      await changeOwnPassword(db, ctx.principal, {
        currentPassword: form.text('currentPassword'), newPassword: form.text('newPassword'), ...(token ? { keepSession: token } : {}),
      }, now());
    } catch (err) {
      if (!(err instanceof CloudError)) throw err;
      c.status(422);
      const field = err.code === 'invalid_credentials' ? 'currentPassword' : 'newPassword';
      return passwordView(ctx, { errors: [{ field, message: err.code === 'invalid_credentials' ? ctx.t('password.wrong') : err.message }] });
    }
    return c.redirect('/admin/password?done=1', 303);
  }));
  return app;
}
