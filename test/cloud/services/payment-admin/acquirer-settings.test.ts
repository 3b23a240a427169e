import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { acquirerSettings, auditLog } from '../../../../cloud/db/schema/index.ts';
import { CloudError } from '../../../../cloud/errors/cloud-error.ts';
import { getAcquirerSettings, merchantAcquirerConfig, setAcquirerSettings } from '../../../../cloud/services/payment-admin/index.ts';
import { MERCHANT_A, MERCHANT_B, PLATFORM, T0, adminWorld, principal } from './world.ts';

const code = (c: string) => (e: unknown) => e instanceof CloudError && e.code === c;
const SECRET = 'gateway-secret-0123456789';
const HTTP = { kind: 'http' as const, settings: { baseUrl: 'https://gateway.example/v1', merchant: 'ACQ-77' }, secret: SECRET };

const test = suite('acquirerSettings');

test('seals the secret and never answers it, only that it is set', () => {
  const w = adminWorld();
  const saved = setAcquirerSettings(w.db, w.kek, MERCHANT_A, 'm_a', HTTP, T0);
  assert.equal([saved.kind, saved.secretSet, saved.settings.baseUrl, saved.settings.merchant, saved.updatedBy], ['http', true, 'https://gateway.example/v1', 'ACQ-77', 'operator:acc_m_a']);
  assert.equal(getAcquirerSettings(w.db, MERCHANT_A, 'm_a'), saved);
  const everything = JSON.stringify([w.db.select().from(acquirerSettings).all().map((r) => ({ ...r, sealedSecret: r.sealedSecret?.toString('latin1') })), w.db.select().from(auditLog).all(), saved]);
  assert.not.ok(everything.includes(SECRET));
  assert.is(merchantAcquirerConfig(w.db, w.kek, 'm_a')!.kind === 'http' && (merchantAcquirerConfig(w.db, w.kek, 'm_a') as { secret: string }).secret, SECRET);
  w.database.close();
});

test('keeps the secret set when a change leaves it out, and drops it for the simulator', () => {
  const w = adminWorld();
  setAcquirerSettings(w.db, w.kek, PLATFORM, 'm_a', HTTP, T0);
  const changed = setAcquirerSettings(w.db, w.kek, PLATFORM, 'm_a', { kind: 'http', settings: { ...HTTP.settings, timeoutMs: 5000 } }, T0 + 1);
  assert.equal([changed.secretSet, changed.settings.timeoutMs], [true, 5000]);
  assert.is((merchantAcquirerConfig(w.db, w.kek, 'm_a') as { secret: string }).secret, SECRET);
  const sim = setAcquirerSettings(w.db, w.kek, PLATFORM, 'm_a', { kind: 'simulator', settings: {} }, T0 + 2);
  assert.equal([sim.kind, sim.secretSet, sim.settings], ['simulator', false, { name: 'simulator' }]);
  const audit = w.db.select().from(auditLog).all().map((r) => JSON.parse(r.data) as { secretChanged: boolean; merchantId: string });
  assert.equal(audit.map((a) => [a.merchantId, a.secretChanged]), [['m_a', true], ['m_a', false], ['m_a', false]]);
  w.database.close();
});

test('refuses settings that make no working acquirer, without echoing a value', () => {
  const w = adminWorld();
  const refused = (input: Parameters<typeof setAcquirerSettings>[4]) => {
    try {
      setAcquirerSettings(w.db, w.kek, PLATFORM, 'm_a', input, T0);
    } catch (err) {
      assert.ok(code('acquirer_config_invalid')(err));
      assert.not.ok((err as Error).message.includes('short'));
      return;
    }
    assert.unreachable('accepted');
  };
  refused({ kind: 'http', settings: HTTP.settings });
  refused({ kind: 'http', settings: HTTP.settings, secret: 'short' });
  refused({ kind: 'http', settings: { merchant: 'x' }, secret: SECRET });
  refused({ kind: 'http', settings: { ...HTTP.settings, baseUrl: 'https://user:short@gateway.example' }, secret: SECRET });
  assert.is(getAcquirerSettings(w.db, PLATFORM, 'm_a'), null);
  w.database.close();
});

test('answers another merchant as not found and needs acquirers.manage', () => {
  const w = adminWorld();
  setAcquirerSettings(w.db, w.kek, PLATFORM, 'm_a', HTTP, T0);
  assert.throws(() => getAcquirerSettings(w.db, MERCHANT_B, 'm_a'), code('merchant_not_found'));
  assert.throws(() => setAcquirerSettings(w.db, w.kek, MERCHANT_B, 'm_a', HTTP, T0), code('merchant_not_found'));
  assert.throws(() => getAcquirerSettings(w.db, principal('m_a', ['payments.view']), 'm_a'), code('permission_denied'));
  w.database.close();
});

test.run();
