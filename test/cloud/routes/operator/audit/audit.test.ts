import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../../../cloud/db/schema/index.ts';
import { MERCHANT_A, MERCHANT_B, operatorWorld } from '../../../operator-fixtures.ts';

const world = await operatorWorld();
const auditorA = world.account({ merchantId: MERCHANT_A, permissions: ['audit.view', 'accounts.manage'] });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage'] });
const platform = world.account({ permissions: ['audit.view'] });
await world.request(auditorA, 'POST', '/v1/operator/departments', { body: { name: 'A floor' } });
await world.request(adminB, 'POST', '/v1/operator/departments', { body: { name: 'B floor' } });

interface AuditRow { id: number; actor: string; action: string; subjectType: string; data: { merchantId?: string | null }; hash: string; prevHash: string }
const page = async (who: typeof platform, query = '') => {
  const res = await world.request(who, 'GET', `/v1/operator/audit${query}`);
  return (await res.json()) as { data: AuditRow[]; nextCursor: string | null };
};

const list = suite('GET /v1/operator/audit');

list('answers rows newest first, each linked to the one before it', async () => {
  const { data } = await page(platform, '?limit=200');
  assert.ok(data.length >= 4);
  for (let i = 0; i + 1 < data.length; i++) {
    assert.is(data[i]!.id, data[i + 1]!.id + 1);
    assert.is(data[i]!.prevHash, data[i + 1]!.hash);
  }
});

list('a merchant account sees only rows about its own merchant', async () => {
  const { data } = await page(auditorA, '?limit=200');
  assert.ok(data.length >= 1);
  assert.ok(data.every((r) => r.data.merchantId === MERCHANT_A));
  assert.ok((await page(platform, '?limit=200')).data.some((r) => r.data.merchantId === MERCHANT_B));
});

list('filters by actor, action and subject type, and pages with the cursor', async () => {
  const byActor = await page(platform, `?actor=operator:${adminB.id}`);
  assert.equal(byActor.data.map((r) => r.action), ['department.created']);
  const created = await page(platform, '?action=department.created&subjectType=department');
  assert.is(created.data.length, 2);
  const first = await page(platform, '?limit=1');
  const second = await page(platform, `?limit=1&cursor=${first.nextCursor}`);
  assert.is(second.data[0]!.id, first.data[0]!.id - 1);
});

list.run();

const verify = suite('GET /v1/operator/audit/verify');

verify('answers the chain verified with its length and head, and the first altered row once one is changed', async () => {
  const ok = (await (await world.request(platform, 'GET', '/v1/operator/audit/verify')).json()) as { ok: boolean; rows: number; head: string };
  const newest = (await page(platform, '?limit=1')).data[0]!;
  assert.equal(ok, { ok: true, rows: newest.id, head: newest.hash });
  world.db.update(auditLog).set({ actor: 'someone else' }).where(eq(auditLog.id, 2)).run();
  const broken = (await (await world.request(auditorA, 'GET', '/v1/operator/audit/verify')).json()) as { ok: boolean; brokenId: number; rows: number };
  assert.equal([broken.ok, broken.brokenId, broken.rows], [false, 2, 1]);
});

verify.after(() => world.cleanup());
verify.run();
