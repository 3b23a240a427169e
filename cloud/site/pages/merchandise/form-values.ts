// The merchandise form as posted and its translation to the service's input. Prices are typed in the
// currency's units and stored in minor units; scenario parameters are a JSON object the service checks
// against the scenario's own schema.
import type { MerchandiseInput, MerchandiseView } from '../../../services/payment-admin/merchandise.ts';
import { SCENARIO_NAMES, type ScenarioName } from '../../../services/payment-admin/scenario-params.ts';
import { currencyDigits, type FormError } from '../../components/index.ts';
import type { PostedForm } from '../../forms.ts';
import type { Translate } from '../../i18n/index.ts';
import { toMinor } from '../payments/query-form.ts';

export interface MerchandiseFormValues {
  storeId: string;
  sku: string;
  name: string;
  price: string;
  currency: string;
  scenario: string;
  params: string;
}

export function readMerchandiseForm(form: PostedForm): MerchandiseFormValues {
  return {
    storeId: form.text('storeId'), sku: form.text('sku'), name: form.text('name'), price: form.text('price'),
    currency: form.text('currency').toUpperCase(), scenario: form.text('scenario'), params: form.text('params') || '{}',
  };
}

/** An existing item as the edit form shows it: the price back in the currency's units, without grouping. */
export function merchandiseFormValues(item: MerchandiseView): MerchandiseFormValues {
  const digits = currencyDigits(item.currency);
  const price = digits === 0 ? String(item.priceMinor) : (item.priceMinor / 10 ** digits).toFixed(digits);
  return {
    storeId: item.storeId, sku: item.sku, name: item.name, price, currency: item.currency,
    scenario: item.scenario ?? '', params: JSON.stringify(item.params),
  };
}

function isScenario(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as string[]).includes(name);
}

export type Checked = { ok: true; input: MerchandiseInput } | { ok: false; errors: FormError[] };

/** What the form alone can tell (a price, a JSON object, a known scenario); the service checks the rest. */
export function checkMerchandiseForm(v: MerchandiseFormValues, t: Translate): Checked {
  const errors: FormError[] = [];
  const priceMinor = /^[A-Z]{3}$/.test(v.currency) ? toMinor(v.price, currencyDigits(v.currency)) : undefined;
  if (priceMinor === undefined) errors.push({ field: 'price', message: t('merchandise.priceInvalid') });
  if (!isScenario(v.scenario)) errors.push({ field: 'scenario', message: t('form.invalid', { field: t('boxes.scenario') }) });
  let params: unknown;
  try {
    params = JSON.parse(v.params);
  } catch {
    params = undefined;
  }
  const isObject = typeof params === 'object' && params !== null && !Array.isArray(params);
  if (!isObject) errors.push({ field: 'params', message: t('merchandise.paramsInvalid') });
  if (errors.length > 0 || priceMinor === undefined || !isScenario(v.scenario) || !isObject) return { ok: false, errors };
  return {
    ok: true,
    input: { sku: v.sku, name: v.name, priceMinor, currency: v.currency, scenario: v.scenario, params: params as Record<string, unknown> },
  };
}
