import { Hono } from 'hono';
import { CloudError } from '../../../errors/cloud-error.ts';
import {
  createMerchandise, deleteMerchandise, getMerchandise, listMerchandise, updateMerchandise,
} from '../../../services/payment-admin/merchandise.ts';
import { listStores } from '../../../services/payment-admin/stores.ts';
import type { SelectOption } from '../../components/index.ts';
import { sitePage, type SiteContext, type SiteEnv } from '../../context.ts';
import type { SiteDeps } from '../../deps.ts';
import { merchantNames, pathParam, postedForm, serviceError } from '../../forms.ts';
import { checkMerchandiseForm, merchandiseFormValues, readMerchandiseForm } from './form-values.ts';
import { editView, listView } from './views.tsx';

/** Service refusals that belong to one field of the form. */
const FIELD_OF: Record<string, string> = {
  sku_invalid: 'sku', sku_taken: 'sku', name_required: 'name', price_invalid: 'price', currency_unsupported: 'currency',
  scenario_params_invalid: 'params', store_not_found: 'storeId',
};
// A store list longer than this belongs in a search box; merchants with a few stores each are the case served.
const STORE_CHOICES = 200;

/** A platform account sees every merchant's stores, so their labels name the merchant too. */
function storeOptions(deps: SiteDeps, ctx: SiteContext): SelectOption[] {
  const names = ctx.principal.merchantId === null ? merchantNames(deps.db) : {};
  return listStores(deps.db, ctx.principal, {}, { limit: STORE_CHOICES }).data
    .map((s) => ({ value: s.id, label: names[s.merchantId] ? `${names[s.merchantId]} · ${s.name}` : s.name }));
}

/** Merchandise per store under /admin/merchandise: list, create, edit, delete. */
export function merchandisePages(deps: SiteDeps): Hono<SiteEnv> {
  const { db, now } = deps;
  const app = new Hono<SiteEnv>();

  app.get('/merchandise', sitePage('merchandise.manage', (c, ctx) => {
    const stores = storeOptions(deps, ctx);
    const storeId = c.req.query('storeId') || stores[0]?.value;
    const cursor = c.req.query('cursor') || undefined;
    const page = storeId ? listMerchandise(db, ctx.principal, storeId, cursor ? { cursor } : {}) : null;
    return listView({ ctx, stores, storeId, page, cursor, done: c.req.query('done') });
  }));

  app.get('/merchandise/new', sitePage('merchandise.manage', (c, ctx) =>
    editView({ ctx, stores: storeOptions(deps, ctx), values: { storeId: c.req.query('storeId') ?? '', params: '{}' }, errors: [] })));

  app.post('/merchandise', sitePage('merchandise.manage', async (c, ctx) => {
    const values = readMerchandiseForm(await postedForm(c));
    const again = (errors: ReturnType<typeof serviceError>) => {
      c.status(422);
      return editView({ ctx, stores: storeOptions(deps, ctx), values, errors });
    };
    const checked = checkMerchandiseForm(values, ctx.t);
    if (!checked.ok) return again(checked.errors);
    try {
      createMerchandise(db, ctx.principal, { ...checked.input, storeId: values.storeId }, now());
    } catch (err) {
      if (!(err instanceof CloudError) || !(err.code in FIELD_OF)) throw err;
      return again(serviceError(err, FIELD_OF));
    }
    return c.redirect(`/admin/merchandise?storeId=${encodeURIComponent(values.storeId)}&done=created`, 303);
  }));

  app.get('/merchandise/:id', sitePage('merchandise.manage', (c, ctx) => {
    const item = getMerchandise(db, ctx.principal, pathParam(c, 'id'));
    return editView({ ctx, id: item.id, stores: [], values: merchandiseFormValues(item), errors: [] });
  }));

  app.post('/merchandise/:id', sitePage('merchandise.manage', async (c, ctx) => {
    const id = pathParam(c, 'id');
    const item = getMerchandise(db, ctx.principal, id);
    const values = { ...readMerchandiseForm(await postedForm(c)), storeId: item.storeId };
    const again = (errors: ReturnType<typeof serviceError>) => {
      c.status(422);
      return editView({ ctx, id, stores: [], values, errors });
    };
    const checked = checkMerchandiseForm(values, ctx.t);
    if (!checked.ok) return again(checked.errors);
    try {
      updateMerchandise(db, ctx.principal, id, checked.input, now());
    } catch (err) {
      if (!(err instanceof CloudError) || !(err.code in FIELD_OF)) throw err;
      return again(serviceError(err, FIELD_OF));
    }
    return c.redirect(`/admin/merchandise?storeId=${encodeURIComponent(item.storeId)}&done=updated`, 303);
  }));

  app.post('/merchandise/:id/delete', sitePage('merchandise.manage', (c, ctx) => {
    const item = getMerchandise(db, ctx.principal, pathParam(c, 'id'));
    deleteMerchandise(db, ctx.principal, item.id, now());
    return c.redirect(`/admin/merchandise?storeId=${encodeURIComponent(item.storeId)}&done=deleted`, 303);
  }));

  return app;
}
