import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { CONFIG_FIELDS, configFields, configFile } from '../../../../cloud/services/box-admin/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { configError } from '../../../../firmware/src/core/machine/config.ts';
import { KIND } from '../../../../shared/protocol/constants.ts';
import { decodeFields } from '../../../../shared/protocol/layout.ts';
import { KIND_LAYOUTS } from '../../../../shared/protocol/telegram-layout.ts';

const fields = suite('configFields');

fields('offers every operator-set CONFIG field with its wire width, and none the cloud fills itself', () => {
  const names = CONFIG_FIELDS.map((f) => f.name);
  assert.equal(names, ['scenario', 'outputMask', 'activeLevels', 'inputRoles', 'pulseMs', 'gapMs', 'pulsesPerUnit', 'rssiMin', 'unitSeconds', 'unitPrice', 'maxAmount', 'uartBaud', 'uartFraming', 'options']);
  assert.is(CONFIG_FIELDS.find((f) => f.name === 'pulseMs')!.max, 0xffff);
  assert.is(CONFIG_FIELDS.find((f) => f.name === 'unitPrice')!.max, 0xffffffff);
});

fields('accepts exactly what the box accepts, and its waygo.cfg decodes back to the same fields', () => {
  const input = fc.record(Object.fromEntries(CONFIG_FIELDS.map(({ name, max }) => [name, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: Math.min(max, 20) }), fc.integer({ min: 0, max }))])));
  fc.assert(fc.property(input, fc.integer({ min: 1, max: 1000 }), (given, version) => {
    let made;
    try {
      made = configFields({ currency: 'EUR', fields: given }, version);
    } catch (err) {
      assert.ok(err instanceof CloudError && err.code === 'config_invalid');
      assert.is.not(configError({ ...given, currency: 978, configVersion: version }), 0, 'refused only what the box refuses');
      return;
    }
    const file = configFile(made as Record<string, unknown>);
    const back = decodeFields(KIND_LAYOUTS[KIND.CONFIG]!, file, 0, file.length);
    assert.ok(typeof back !== 'number');
    if (typeof back === 'number') return;
    for (const [name, value] of Object.entries(made)) assert.is(back[name], value, name);
    assert.is(configError(back), 0);
  }), { numRuns: 300 });
});

fields.run();
