import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MERCHANT_A, MERCHANT_B, operatorWorld } from '../../../operator-fixtures.ts';

const world = await operatorWorld();
const adminA = world.account({ merchantId: MERCHANT_A, permissions: ['accounts.manage', 'boxes.view'] });
const adminB = world.account({ merchantId: MERCHANT_B, permissions: ['accounts.manage'] });
const platform = world.account();
const staffA = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });

interface Row { id: string; merchantId: string | null }
const json = async <T>(res: Response | Promise<Response>) => {
  const r = await res;
  return { status: r.status, body: (await r.json()) as T };
};
type ErrorBody = { error: { code: string; param: string | null } };

const roles = suite('/v1/operator/roles');

roles('creates a role for the caller\'s merchant and refuses a permission the caller lacks with 403 permission_escalation', async () => {
  const created = await json<Row & { permissions: string[] }>(world.request(adminA, 'POST', '/v1/operator/roles', { body: { name: 'Viewer', permissions: ['boxes.view'] } }));
  assert.is(created.status, 201);
  assert.is(created.body.merchantId, MERCHANT_A);
  const refused = await json<ErrorBody>(world.request(adminA, 'POST', '/v1/operator/roles', { body: { name: 'Refunder', permissions: ['payments.refund'] } }));
  assert.equal([refused.status, refused.body.error.code], [403, 'permission_escalation']);
  const unknown = await json<ErrorBody>(world.request(adminA, 'POST', '/v1/operator/roles', { body: { name: 'X', permissions: ['root'] } }));
  assert.equal([unknown.status, unknown.body.error.code], [400, 'parameter_invalid']);
});

roles('deletes a role no account holds, refusing one in use with 409 role_in_use and audits it', async () => {
  const temp = await json<Row>(world.request(adminA, 'POST', '/v1/operator/roles', { body: { name: 'Temporary', permissions: ['boxes.view'] } }));
  const own = (await json<{ roleId: string }>(world.request(adminA, 'GET', `/v1/operator/accounts/${staffA.id}`))).body.roleId;
  assert.is((await world.request(adminA, 'PATCH', `/v1/operator/accounts/${staffA.id}`, { body: { roleId: temp.body.id } })).status, 200);
  const inUse = await json<ErrorBody>(world.request(adminA, 'DELETE', `/v1/operator/roles/${temp.body.id}`));
  assert.equal([inUse.status, inUse.body.error.code], [409, 'role_in_use']);
  assert.is((await world.request(adminA, 'PATCH', `/v1/operator/accounts/${staffA.id}`, { body: { roleId: own } })).status, 200);
  assert.is((await world.request(adminB, 'DELETE', `/v1/operator/roles/${temp.body.id}`)).status, 404, 'another merchant\'s role is not found');
  const deleted = await json<Row & { name: string }>(world.request(adminA, 'DELETE', `/v1/operator/roles/${temp.body.id}`, { via: 'cookie' }));
  assert.equal([deleted.status, deleted.body.name], [200, 'Temporary']);
  assert.is((await world.request(adminA, 'GET', `/v1/operator/roles/${temp.body.id}`)).status, 404);
  const audit = await json<{ data: { action: string; subjectId: string }[] }>(world.request(platform, 'GET', '/v1/operator/audit?action=role.deleted'));
  assert.equal(audit.body.data.map((r) => r.subjectId), [temp.body.id]);
});

roles('refuses to delete a role granting a permission the caller lacks', async () => {
  const refunder = await json<Row>(world.request(platform, 'POST', '/v1/operator/roles', { body: { name: 'Refunder', permissions: ['payments.refund'], merchantId: MERCHANT_A } }));
  const refused = await json<ErrorBody>(world.request(adminA, 'DELETE', `/v1/operator/roles/${refunder.body.id}`));
  assert.equal([refused.status, refused.body.error.code], [403, 'permission_escalation']);
});

roles.run();

const accounts = suite('/v1/operator/accounts');

accounts('a cookie session creates an account only with the CSRF header; the answer never holds the password or its hash', async () => {
  const role = await json<Row>(world.request(adminA, 'POST', '/v1/operator/roles', { body: { name: 'Staff', permissions: ['boxes.view'] } }));
  const body = { email: 'staff@example.test', displayName: 'Staff', password: 'a long new password', roleId: role.body.id };
  assert.is((await world.request(adminA, 'POST', '/v1/operator/accounts', { via: 'cookie-no-csrf', body })).status, 403);
  const res = await world.request(adminA, 'POST', '/v1/operator/accounts', { via: 'cookie', body });
  assert.is(res.status, 201);
  const text = await res.text();
  assert.not.ok(text.includes('a long new password') || text.includes('scrypt'));
  const weak = await json<ErrorBody>(world.request(adminA, 'POST', '/v1/operator/accounts', { body: { ...body, email: 'b@example.test', password: 'b@example.test' } }));
  assert.equal([weak.status, weak.body.error.code, weak.body.error.param], [422, 'password_weak', 'password']);
  const taken = await json<ErrorBody>(world.request(adminA, 'POST', '/v1/operator/accounts', { body }));
  assert.equal([taken.status, taken.body.error.code], [409, 'email_taken']);
});

accounts('a merchant account lists only its merchant\'s accounts and gets 404 for another merchant\'s, exactly as for a missing one', async () => {
  const list = await json<{ data: Row[]; nextCursor: string | null }>(world.request(adminA, 'GET', '/v1/operator/accounts?limit=200'));
  assert.ok(list.body.data.length >= 2 && list.body.data.every((a) => a.merchantId === MERCHANT_A));
  const other = await json<ErrorBody>(world.request(adminA, 'GET', `/v1/operator/accounts/${adminB.id}`));
  const missing = await json<ErrorBody>(world.request(adminA, 'GET', '/v1/operator/accounts/acc_missing'));
  assert.equal(other, missing);
  assert.is(other.status, 404);
  const patch = await json<ErrorBody>(world.request(adminA, 'PATCH', `/v1/operator/accounts/${adminB.id}`, { body: { status: 'disabled' } }));
  assert.is(patch.status, 404);
  const all = await json<{ data: Row[] }>(world.request(platform, 'GET', '/v1/operator/accounts?limit=200'));
  assert.ok(all.body.data.some((a) => a.merchantId === MERCHANT_B));
});

accounts('pages follow nextCursor to the end; a bad limit or cursor is a 400 naming the parameter', async () => {
  const ids: string[] = [];
  let path = '/v1/operator/accounts?limit=1';
  for (let i = 0; i < 20; i++) {
    const page = await json<{ data: Row[]; nextCursor: string | null }>(world.request(platform, 'GET', path));
    ids.push(...page.body.data.map((a) => a.id));
    if (!page.body.nextCursor) break;
    path = `/v1/operator/accounts?limit=1&cursor=${page.body.nextCursor}`;
  }
  const all = await json<{ data: Row[] }>(world.request(platform, 'GET', '/v1/operator/accounts'));
  assert.equal(ids, all.body.data.map((a) => a.id));
  for (const [query, param] of [['limit=0', 'limit'], ['limit=201', 'limit'], ['cursor=zzz', 'cursor'], ['status=gone', 'status']]) {
    const bad = await json<ErrorBody>(world.request(platform, 'GET', `/v1/operator/accounts?${query}`));
    assert.equal([bad.status, bad.body.error.param], [400, param], query);
  }
});

accounts('disabling an account makes its API key answer 401 at once', async () => {
  const target = world.account({ merchantId: MERCHANT_A, permissions: ['boxes.view'] });
  assert.is((await world.request(target, 'GET', '/v1/operator/auth/me')).status, 200);
  const res = await json<{ status: string }>(world.request(adminA, 'PATCH', `/v1/operator/accounts/${target.id}`, { body: { status: 'disabled' } }));
  assert.equal([res.status, res.body.status], [200, 'disabled']);
  assert.is((await world.request(target, 'GET', '/v1/operator/auth/me')).status, 401);
});

accounts.run();

const keys = suite('/v1/operator/api-keys');

keys('shows a new key once; the key authenticates until revoked; lists never show it', async () => {
  const created = await json<{ id: string; key: string }>(world.request(adminA, 'POST', '/v1/operator/api-keys', { body: { name: 'script' } }));
  assert.is(created.status, 201);
  const bearer = { ...adminA, apiKey: created.body.key };
  assert.is((await world.request(bearer, 'GET', '/v1/operator/auth/me')).status, 200);
  const list = await world.request(adminA, 'GET', '/v1/operator/api-keys');
  assert.not.ok((await list.text()).includes(created.body.key));
  assert.is((await world.request(adminA, 'DELETE', `/v1/operator/api-keys/${created.body.id}`)).status, 200);
  assert.is((await world.request(bearer, 'GET', '/v1/operator/auth/me')).status, 401);
});

keys.run();

const departments = suite('/v1/operator/departments');

departments('creates and renames a department of the caller\'s merchant; another merchant\'s is 404', async () => {
  const created = await json<Row & { name: string }>(world.request(adminA, 'POST', '/v1/operator/departments', { body: { name: 'Floor' } }));
  assert.equal([created.status, created.body.merchantId], [201, MERCHANT_A]);
  const renamed = await json<{ name: string }>(world.request(adminA, 'PATCH', `/v1/operator/departments/${created.body.id}`, { body: { name: 'Front' } }));
  assert.is(renamed.body.name, 'Front');
  assert.is((await world.request(adminB, 'PATCH', `/v1/operator/departments/${created.body.id}`, { body: { name: 'Mine' } })).status, 404);
});

departments('deletes a department nobody sits in, refusing one in use with 409 department_in_use', async () => {
  const floor = await json<Row>(world.request(adminA, 'POST', '/v1/operator/departments', { body: { name: 'Night shift' } }));
  assert.is((await world.request(adminA, 'PATCH', `/v1/operator/accounts/${staffA.id}`, { body: { departmentId: floor.body.id } })).status, 200);
  const inUse = await json<ErrorBody>(world.request(adminA, 'DELETE', `/v1/operator/departments/${floor.body.id}`));
  assert.equal([inUse.status, inUse.body.error.code], [409, 'department_in_use']);
  assert.is((await world.request(adminA, 'PATCH', `/v1/operator/accounts/${staffA.id}`, { body: { departmentId: null } })).status, 200);
  assert.is((await world.request(adminB, 'DELETE', `/v1/operator/departments/${floor.body.id}`)).status, 404);
  assert.is((await world.request(adminA, 'DELETE', `/v1/operator/departments/${floor.body.id}`)).status, 200);
  assert.is((await world.request(adminA, 'GET', `/v1/operator/departments/${floor.body.id}`)).status, 404);
  const audit = await json<{ data: { subjectId: string; data: Record<string, unknown> }[] }>(world.request(platform, 'GET', '/v1/operator/audit?action=department.deleted'));
  assert.equal(audit.body.data.map((r) => [r.subjectId, r.data.merchantId]), [[floor.body.id, MERCHANT_A]], 'written with its merchant, so that merchant\'s accounts see it');
});

departments.after(() => world.cleanup());
departments.run();
