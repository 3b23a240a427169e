// The role × route matrix: every operator operation in the OpenAPI registry — including ones added later —
// is walked with no credentials, with every permission but its own, with its own, and as another tenant.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { apiOperations, openApiDocument } from '../../../../cloud/openapi/index.ts';
import type { OperationDescription } from '../../../../cloud/openapi/types.ts';
import { PERMISSIONS, type Permission } from '../../../../cloud/services/authority/index.ts';
import { operatorWorld, type FixtureAccount } from '../../operator-fixtures.ts';
import { buildPath, seedMerchantB } from './matrix-world.ts';

const world = await operatorWorld();
const rows = seedMerchantB(world);
const OPERATIONS = apiOperations.filter((op) => op.security === 'operator');
const everything = world.account();
const merchantA = world.account({ merchantId: world.merchants.a });
const allBut = new Map<Permission, FixtureAccount>(PERMISSIONS.map((p) => [p, world.account({ permissions: PERMISSIONS.filter((q) => q !== p) })]));
const only = new Map<Permission, FixtureAccount>(PERMISSIONS.map((p) => [p, world.account({ permissions: [p] })]));

const label = (op: OperationDescription) => `${op.method.toUpperCase()} ${op.path}`;

async function send(who: FixtureAccount | null, op: OperationDescription, path: string, via: 'key' | 'cookie' | 'cookie-no-csrf' = 'key') {
  const withBody = op.method !== 'get' && op.method !== 'delete';
  const res = await world.request(who, op.method.toUpperCase(), path, withBody ? { body: {}, via } : { via });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code };
}

const test = suite('operator role × route matrix');

test('the registry holds the authority center\'s operations and every one names a permission unless it is about the caller\'s own session', () => {
  assert.ok(OPERATIONS.length >= 20, `only ${OPERATIONS.length} operator operations`);
  for (const op of OPERATIONS) {
    if (op.permission === undefined) assert.match(op.path, /^\/v1\/operator\/auth\//, label(op));
    else assert.ok(PERMISSIONS.includes(op.permission), label(op));
  }
});

// First, while merchant B's rows are as seeded: the later tests' requests may change or remove them.
test('a merchant account asking for another merchant\'s row answers exactly as for a row that does not exist, and a read answers 404', async () => {
  let checked = 0;
  for (const op of OPERATIONS) {
    const path = buildPath(op, rows);
    if (!path.namesTenantRow) continue;
    const other = await send(merchantA, op, path.tenant);
    const missing = await send(merchantA, op, path.missing);
    assert.equal(other, missing, `${label(op)}: ${path.tenant} vs ${path.missing}`);
    assert.ok(other.status >= 400 && other.status !== 403, `${label(op)} answered ${other.status}`);
    if (op.method === 'get') assert.is(other.status, 404, label(op));
    checked++;
  }
  assert.ok(checked >= 8, `only ${checked} operations name a seeded row`);
});

test('every operator operation refuses a request without credentials with 401 authentication_required', async () => {
  for (const op of OPERATIONS) {
    assert.equal(await send(null, op, buildPath(op, rows).missing), { status: 401, code: 'authentication_required' }, label(op));
  }
});

test('an account holding every permission but the operation\'s is refused with 403 permission_denied', async () => {
  for (const op of OPERATIONS) {
    if (op.permission === undefined) continue;
    const answer = await send(allBut.get(op.permission)!, op, buildPath(op, rows).missing);
    assert.equal(answer, { status: 403, code: 'permission_denied' }, label(op));
  }
});

test('an account holding only the operation\'s permission is never refused for want of another one', async () => {
  for (const op of OPERATIONS) {
    if (op.permission === undefined) continue;
    const answer = await send(only.get(op.permission)!, op, buildPath(op, rows).missing);
    assert.is.not(answer.status, 401, label(op));
    assert.is.not(answer.code, 'permission_denied', label(op));
  }
});

test('an account holding every permission is let through every operation (neither 401 nor 403)', async () => {
  for (const op of OPERATIONS) {
    const path = buildPath(op, rows);
    for (const p of [path.missing, path.tenant]) {
      const answer = await send(everything, op, p);
      assert.ok(answer.status !== 401 && answer.status !== 403, `${label(op)} ${p}: ${answer.status} ${answer.code}`);
    }
  }
});

test('every write refuses a cookie session without the session\'s CSRF token with 403 csrf_failed, and takes it with the token', async () => {
  for (const op of OPERATIONS) {
    if (op.method === 'get') continue;
    const path = buildPath(op, rows).missing;
    assert.equal(await send(everything, op, path, 'cookie-no-csrf'), { status: 403, code: 'csrf_failed' }, label(op));
    if (op.path.endsWith('/auth/logout')) continue;
    const answer = await send(everything, op, path, 'cookie');
    assert.ok(answer.status !== 401 && answer.status !== 403, `${label(op)}: ${answer.status} ${answer.code}`);
  }
});

test('the document offers the session cookie and the API key for every operator operation, with its permission and the shared 401', () => {
  const document = openApiDocument(OPERATIONS, { version: 'test' });
  assert.equal(Object.keys(document.components.securitySchemes).filter((k) => k.startsWith('operator')), ['operatorSession', 'operatorApiKey']);
  for (const op of OPERATIONS) {
    const described = document.paths[op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]![op.method]!;
    assert.equal(described.security, [{ operatorSession: [] }, { operatorApiKey: [] }], label(op));
    assert.is(described['x-permission'], op.permission, label(op));
    assert.ok(described.responses['401']!['x-error-codes']!.some((e) => e.code === 'authentication_required'), label(op));
    if (op.permission) assert.ok(described.responses['403']!['x-error-codes']!.some((e) => e.code === 'permission_denied'), label(op));
  }
});

test.after(() => world.cleanup());
test.run();
