import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../cloud/app.ts';
import { ApiError } from '../../cloud/errors/index.ts';
import type { Logger } from '../../cloud/types.ts';
import { migratedDatabase, randomKek } from './fixtures.ts';

interface Logged { message: string; fields?: Record<string, unknown> }

function setup(bodyLimit = 1024) {
  const database = migratedDatabase(':memory:');
  const logged: Logged[] = [];
  const logger: Logger = { info: () => undefined, error: (message, fields) => logged.push({ message, fields }) };
  const app = buildApp({ db: database.db, kek: randomKek(), bodyLimit, version: '9.9.9', logger });
  // Routes only tests mount, to reach the shared middleware and error handling through a real handler.
  app.post('/v1/echo', (c) => c.json({ body: c.get('body') }));
  app.get('/v1/fail', () => {
    throw new Error('db password is hunter2');
  });
  app.get('/v1/refuse', () => {
    throw new ApiError({ status: 422, type: 'invalid_request_error', code: 'amount_too_small', message: 'amount must be at least 1', param: 'amount' });
  });
  return { app, database, logged };
}

const post = (body: string | ReadableStream, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  ({ method: 'POST', body, headers, duplex: 'half' }) as RequestInit;

const test = suite('buildApp');

test('answers GET /v1/health with ok, the database status and the version', async () => {
  const { app, database } = setup();
  const res = await app.request('/v1/health');
  assert.is(res.status, 200);
  assert.equal(await res.json(), { status: 'ok', version: '9.9.9', database: 'ok' });
  database.close();
});

test('reports 503 from /v1/health when the database is gone', async () => {
  const { app, database, logged } = setup();
  database.close();
  const res = await app.request('/v1/health');
  assert.is(res.status, 503);
  assert.equal(await res.json(), { status: 'degraded', version: '9.9.9', database: 'unavailable' });
  assert.is(logged.length, 1);
});

test('answers an unknown route with a 404 in the error shape', async () => {
  const { app, database } = setup();
  const res = await app.request('/v1/nothing-here');
  assert.is(res.status, 404);
  assert.equal(await res.json(), {
    error: { type: 'invalid_request_error', code: 'route_not_found', message: 'no route for GET /v1/nothing-here', param: null },
  });
  database.close();
});

test('hands a parsed JSON body to the route', async () => {
  const { app, database } = setup();
  const res = await app.request('/v1/echo', post('{"amount":150}'));
  assert.equal(await res.json(), { body: { amount: 150 } });
  database.close();
});

test('refuses malformed JSON with a 400 and a non-JSON content type with a 415', async () => {
  const { app, database } = setup();
  const bad = await app.request('/v1/echo', post('{"amount":'));
  assert.is(bad.status, 400);
  assert.is(((await bad.json()) as { error: { code: string } }).error.code, 'malformed_json');
  const text = await app.request('/v1/echo', post('amount=1', { 'content-type': 'text/plain' }));
  assert.is(text.status, 415);
  database.close();
});

test('refuses a body over the limit with a 413, with or without Content-Length', async () => {
  const { app, database } = setup(64);
  const big = JSON.stringify({ pad: 'x'.repeat(100) });
  const declared = await app.request('/v1/echo', post(big));
  assert.is(declared.status, 413);
  assert.equal(await declared.json(), {
    error: { type: 'invalid_request_error', code: 'body_too_large', message: 'the request body is larger than 64 bytes', param: null },
  });
  const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
  const chunked = await app.request('/v1/echo', post(stream));
  assert.is(chunked.status, 413);
  database.close();
});

test('turns an ApiError into its status and shape, param included', async () => {
  const { app, database } = setup();
  const res = await app.request('/v1/refuse');
  assert.is(res.status, 422);
  assert.equal(await res.json(), {
    error: { type: 'invalid_request_error', code: 'amount_too_small', message: 'amount must be at least 1', param: 'amount' },
  });
  database.close();
});

test('turns any other error into a generic 500 and logs the detail only on the server', async () => {
  const { app, database, logged } = setup();
  const res = await app.request('/v1/fail');
  assert.is(res.status, 500);
  const text = await res.text();
  assert.not.match(text, /hunter2|at |Error/);
  assert.equal(JSON.parse(text), {
    error: { type: 'api_error', code: 'internal_error', message: 'an internal error occurred; try again later', param: null },
  });
  assert.is(logged[0]!.message, 'unhandled error');
  assert.match(JSON.stringify(logged[0]!.fields), /"path":"\/v1\/fail"/);
  database.close();
});

test.run();
