import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { ApiError } from '../../../cloud/errors/api-error.ts';
import { acceptsText, jsonBody } from '../../../cloud/middleware/json-body/index.ts';
import type { AppEnv } from '../../../cloud/types.ts';

function app() {
  const routes = new Hono<AppEnv>()
    .post('/csv', acceptsText('text/csv'), (c) => c.json({ body: c.var.body }))
    .post('/json', (c) => c.json({ body: c.var.body }));
  const root = new Hono<AppEnv>();
  root.onError((err, c) => (err instanceof ApiError ? c.json(err.toBody(), err.status) : c.text('boom', 500)));
  root.use('/v1/*', jsonBody());
  root.route('/v1/things', routes);
  return root;
}

const post = (path: string, type: string, body: string) => app().request(path, { method: 'POST', headers: { 'content-type': type }, body });
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

const test = suite('jsonBody');

test('parses a JSON body for every route, the one that also takes text included', async () => {
  assert.equal(await (await post('/v1/things/json', 'application/json; charset=utf-8', '{"a":1}')).json(), { body: { a: 1 } });
  assert.equal(await (await post('/v1/things/csv', 'application/json', '{"csv":"x"}')).json(), { body: { csv: 'x' } });
});

test('hands a text/csv body as text to the route that declares it, whatever the parameters and case', async () => {
  const res = await post('/v1/things/csv', 'Text/CSV; charset=utf-8', 'a,b\n1,2');
  assert.is(res.status, 200);
  assert.equal(await res.json(), { body: 'a,b\n1,2' });
});

test('answers 415 to text/csv on a route that does not declare it, and to any other type on the one that does', async () => {
  const refused = await post('/v1/things/json', 'text/csv', 'a,b');
  assert.is(refused.status, 415);
  assert.is(await codeOf(refused), 'unsupported_media_type');
  assert.is((await post('/v1/things/csv', 'text/plain', 'a,b')).status, 415);
});

test('keeps the malformed JSON answer and reads an empty body as an empty object', async () => {
  const bad = await post('/v1/things/json', 'application/json', '{');
  assert.equal([bad.status, await codeOf(bad)], [400, 'malformed_json']);
  assert.equal(await (await post('/v1/things/csv', 'text/csv', '')).json(), { body: {} });
});

test.run();
