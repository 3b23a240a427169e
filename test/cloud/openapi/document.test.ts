import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ApiError } from '../../../cloud/errors/index.ts';
import { apiOperations, openApiDocument, openApiPath, sharedSchemas } from '../../../cloud/openapi/index.ts';
import { PayBody } from '../../../cloud/routes/wallet/payments.ts';
import { ResolveBody } from '../../../cloud/routes/wallet/resolve.ts';
import { ChallengeBody, SessionBody } from '../../../cloud/routes/wallet/sessions.ts';
import { mountedRoutes, servedApi } from './world.ts';

function validatorFor(document: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(document, 'api');
  return (name: string) => ajv.getSchema(`api#/components/schemas/${name}`)!;
}

const test = suite('openApiDocument');

test('GET /openapi.json answers the document as JSON with the app version', async () => {
  const { res, document, database } = await servedApi();
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.is(document.openapi, '3.1.0');
  assert.is(document.info.version, '1.2.3');
  database.close();
});

test('the served document validates against the OpenAPI 3.1 schema', async () => {
  const { document, database } = await servedApi();
  const result = await new Validator().validate(document as unknown as Parameters<Validator['validate']>[0]);
  assert.equal(result.errors, undefined);
  assert.ok(result.valid);
  database.close();
});

test('every component schema compiles as JSON Schema 2020-12 and every $ref resolves', async () => {
  const { document, database } = await servedApi();
  const schema = validatorFor(document);
  for (const name of Object.keys(document.components.schemas)) assert.type(schema(name), 'function', name);
  database.close();
});

test('every route the app mounts is described, and every described operation is mounted', async () => {
  const { app, document, database } = await servedApi();
  const documented = Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)).sort();
  assert.equal(mountedRoutes(app).map((r) => { const [m, p] = r.split(' '); return `${m} ${openApiPath(p!)}`; }), documented);
  database.close();
});

test('wallet operations require all five signature headers at once, and payments the Idempotency-Key', async () => {
  const { document, database } = await servedApi();
  const resolve = document.paths['/v1/wallet/resolve']!.post!;
  assert.equal(Object.keys(resolve.security[0]!).length, 5);
  assert.equal(Object.entries(document.components.securitySchemes).filter(([k]) => k.startsWith('wallet')).map(([, s]) => (s as { name: string }).name),
    ['WayGo-Key-Id', 'WayGo-Timestamp', 'WayGo-Nonce', 'WayGo-Content-SHA256', 'WayGo-Signature']);
  assert.ok(resolve.responses['401']!['x-error-codes']!.some((e) => e.code === 'nonce_reused'));
  assert.equal(document.paths['/v1/wallet/payments']!.post!.parameters, [{ $ref: '#/components/parameters/IdempotencyKey' }]);
  assert.equal(document.paths['/v1/health']!.get!.security, []);
  database.close();
});

test('an ApiError body validates against the shared Error component', async () => {
  const { document, database } = await servedApi();
  const check = validatorFor(document)('Error');
  assert.ok(check(new ApiError({ status: 409, type: 'idempotency_error', code: 'idempotency_key_reused', message: 'x' }).toBody()));
  assert.not.ok(check({ error: { type: 'teapot', code: 'x', message: 'x', param: null } }));
  database.close();
});

const IV = '00112233445566778899aabbccddeeff';
// Each sample is judged by the route's own zod schema and by the document's JSON Schema; they must agree.
const SAMPLES: [string, { safeParse(v: unknown): { success: boolean } }, unknown[]][] = [
  ['PaymentRequest', PayBody, [
    { boxId: '0a1b2c3d4e5f6071', iv: IV, sku: 'WASH-30' },
    { sessionId: 'ses_1', iv: IV, sku: 'WASH-30', units: 3 },
    { boxId: '0a1b2c3d4e5f6071', iv: IV, amountMinor: 500, currency: 'JPY' },
    { boxId: '0a1b2c3d4e5f6071', iv: IV, sku: 'WASH-30', extra: 1 },
    { boxId: 'zz', iv: IV, sku: 'WASH-30' },
    { boxId: '0a1b2c3d4e5f6071', iv: 'not hex!', sku: 'WASH-30' },
    { boxId: '0a1b2c3d4e5f6071', iv: IV, sku: 'WASH-30', units: 0 },
    { boxId: '0a1b2c3d4e5f6071', iv: IV, amountMinor: 1.5, currency: 'JPY' },
    { boxId: '0a1b2c3d4e5f6071', iv: IV, amountMinor: 500, currency: 'jpy' },
  ]],
  ['ResolveRequest', ResolveBody, [{ qr: '000201' }, { boxId: '0A1B2C3D4E5F6071' }, { boxId: '0a1b' }, { qr: '' }, { qr: 'x', boxId: '0a1b2c3d4e5f6071' }, {}]],
  ['ChallengeRequest', ChallengeBody, [{ boxId: '0a1b2c3d4e5f6071' }, { boxId: 7 }, { boxId: '0a1b2c3d4e5f6071', x: 1 }]],
  ['SessionRequest', SessionBody, [{ hello: 'AAEC', challenge: IV }, { hello: 'AAEC', challenge: 'abc' }, { hello: '', challenge: IV }]],
];

test('each request body schema in the document accepts what the route accepts and rejects what it rejects', async () => {
  const { document, database } = await servedApi();
  const schema = validatorFor(document);
  for (const [name, zod, samples] of SAMPLES) {
    let accepted = 0;
    for (const sample of samples) {
      const routeAccepts = zod.safeParse(sample).success;
      accepted += routeAccepts ? 1 : 0;
      assert.is(schema(name)(sample), routeAccepts, `${name} ${JSON.stringify(sample)}`);
    }
    assert.ok(accepted > 0 && accepted < samples.length, `${name} has samples either way`);
  }
  database.close();
});

test('a schema used by two operations under two names is refused', () => {
  const [health] = apiOperations;
  const body = { name: 'Other', schema: health!.responses[200]!.body!.schema };
  assert.throws(() => openApiDocument([health!, { ...health!, path: '/x', responses: { 200: { description: 'x', body } } }], { version: 'x', shared: sharedSchemas }), /named both/);
});

test.run();
