import { Hono } from 'hono';
import { CloudError } from '../../../errors/cloud-error.ts';
import { getAcquirerSettings, setAcquirerSettings, type AcquirerSettingsInput } from '../../../services/payment-admin/acquirer-settings.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { merchantOptions, postedForm, serviceError } from '../../forms.ts';
import { acquirerView, valuesOf, type AcquirerFormValues } from './view.tsx';

/** A merchant account manages its own merchant's acquirer; a platform account picks the merchant. */
function merchantFor(ctx: SiteContext, asked: string | undefined): string | undefined {
  return ctx.principal.merchantId ?? (asked || undefined);
}

function input(values: AcquirerFormValues, secret: string): AcquirerSettingsInput {
  if (values.kind !== 'http') return { kind: 'simulator', settings: {} };
  return { kind: 'http', settings: { baseUrl: values.baseUrl, merchant: values.merchant }, ...(secret ? { secret } : {}) };
}

/** Acquirer setup under /admin/acquirer: the current settings and the form that replaces them. */
export function acquirerPages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, kek, now } = deps;
  const app = new Hono<SiteEnv>();

  app.get('/acquirer', sitePage('acquirers.manage', (c, ctx) => {
    const merchantId = merchantFor(ctx, c.req.query('merchantId'));
    const current = merchantId ? getAcquirerSettings(db, ctx.principal, merchantId) : null;
    return acquirerView({
      ctx, merchants: merchantOptions(db, ctx.principal), merchantId, current, values: valuesOf(current), errors: [], saved: c.req.query('done') === 'saved',
    });
  }));

  app.post('/acquirer', sitePage('acquirers.manage', async (c, ctx) => {
    const form = await postedForm(c);
    const merchantId = merchantFor(ctx, form.text('merchantId'));
    if (!merchantId) throw new CloudError('merchant_not_found', 'choose a merchant');
    const values: AcquirerFormValues = { kind: form.text('kind'), baseUrl: form.text('baseUrl'), merchant: form.text('merchant') };
    try {
      // The secret is read from the form here and nowhere else: it is never put back into a page.
      setAcquirerSettings(db, kek, ctx.principal, merchantId, input(values, form.text('secret')), now());
    } catch (err) {
      if (!(err instanceof CloudError) || err.code !== 'acquirer_config_invalid') throw err;
      c.status(422);
      const current = getAcquirerSettings(db, ctx.principal, merchantId);
      return acquirerView({ ctx, merchants: merchantOptions(db, ctx.principal), merchantId, current, values, errors: serviceError(err), saved: false });
    }
    return c.redirect(`/admin/acquirer?merchantId=${encodeURIComponent(merchantId)}&done=saved`, 303);
  }));

  return app;
}
