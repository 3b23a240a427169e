import { ErrorSummary, Field, Form, Layout, Notice } from '../../components/index.ts';
import type { PublicContext } from '../../context.ts';

export interface LoginViewProps {
  ctx: PublicContext;
  next: string;
  email?: string;
  error?: string;
  notice?: string;
}

export function loginView({ ctx, next, email, error, notice }: LoginViewProps) {
  const t = ctx.t;
  return (
    <Layout title={t('login.title')} ctx={ctx}>
      <div class="login">
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <ErrorSummary errors={[{ field: 'email', message: error }]} /> : null}
        <Form action="/admin/login" ctx={ctx}>
          <input type="hidden" name="next" value={next} />
          <Field name="email" type="email" label={t('login.email')} value={email} autocomplete="username" required />
          <Field name="password" type="password" label={t('login.password')} autocomplete="current-password" required />
          <button type="submit">{t('login.submit')}</button>
        </Form>
      </div>
    </Layout>
  );
}
