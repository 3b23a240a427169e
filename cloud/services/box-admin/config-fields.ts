// The CONFIG an operator may set, read off the protocol's own CONFIG layout so the API, the stored
// configuration and the telegram cannot disagree; the firmware's own rule check decides what a box would run.
import { KIND } from '../../../shared/protocol/constants.ts';
import { isProtocolError } from '../../../shared/protocol/errors.ts';
import { describeLayout, encodeFields } from '../../../shared/protocol/layout.ts';
import { KIND_LAYOUTS } from '../../../shared/protocol/telegram-layout.ts';
import type { Fields } from '../../../shared/protocol/types.ts';
import { configError } from '../../../firmware/src/core/machine/config.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { currencyNumeric } from '../payments/currency.ts';

export const CONFIG_LAYOUT = KIND_LAYOUTS[KIND.CONFIG]!;

/** Fields the cloud fills itself: the common block when sealing, the version when storing. */
const CLOUD_SET = ['txnId', 'issuedAt', 'expiresAt', 'configVersion', 'currency'];

/** Operator-settable integer fields with their largest value (the layout's byte width). */
export const CONFIG_FIELDS: readonly { name: string; max: number }[] = describeLayout(CONFIG_LAYOUT)
  .filter(([name, kind]) => kind === 'uint' && !CLOUD_SET.includes(name!))
  .map(([name, , size]) => ({ name: name!, max: 256 ** Number(size) - 1 }));

/** What an operator sends: the integer fields (absent = 0) and the currency as its ISO 4217 letters. */
export interface ConfigInput {
  currency: string;
  fields: Record<string, number>;
}

/** The CONFIG fields to store and send under `configVersion`; CloudError `config_invalid` when a box would refuse them. */
export function configFields(input: ConfigInput, configVersion: number): Fields {
  const fields: Fields = { configVersion, currency: currencyNumeric(input.currency) };
  for (const { name } of CONFIG_FIELDS) fields[name] = input.fields[name] ?? 0;
  for (const name of Object.keys(input.fields)) {
    if (!CONFIG_FIELDS.some((f) => f.name === name)) throw new CloudError('config_invalid', `${name} is not a CONFIG field`);
  }
  try {
    encodeFields(CONFIG_LAYOUT, { ...fields, txnId: new Uint8Array(8), issuedAt: 0, expiresAt: 0 });
  } catch (err) {
    if (isProtocolError(err)) throw new CloudError('config_invalid', err.message);
    throw err;
  }
  if (configError(fields) !== 0) {
    throw new CloudError('config_invalid', 'the box would refuse this configuration: check the fields its scenario needs (docs/scenarios.md)');
  }
  return fields;
}

/** The stored configuration as the box's `waygo.cfg`: the CONFIG plaintext the box itself would have written. */
export function configFile(config: Record<string, unknown>): Uint8Array {
  return encodeFields(CONFIG_LAYOUT, { ...(config as Fields), txnId: new Uint8Array(8), issuedAt: 0, expiresAt: 0 });
}
