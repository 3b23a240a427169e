import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { docsPage, type OpenApiDocument } from '../../../cloud/openapi/index.ts';
import { servedApi } from './world.ts';

const test = suite('docsPage');

test('GET /docs answers a self-contained HTML page: no script, no stylesheet or image fetched from elsewhere', async () => {
  const { app, database } = await servedApi();
  const res = await app.request('/docs');
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const html = await res.text();
  assert.match(html, /^<!doctype html>/);
  assert.not.match(html, /<script|<link|<img|src=|https?:\/\//i);
  database.close();
});

test('lists every operation of the document with its path, its error codes and its request body fields', async () => {
  const { app, document, database } = await servedApi();
  const html = await (await app.request('/docs')).text();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      assert.ok(html.includes(`id="op-${op.operationId}"`), op.operationId);
      assert.ok(html.includes(`${method.toUpperCase()}</span> <code>${path}</code>`), `${method} ${path}`);
      for (const r of Object.values(op.responses)) for (const e of r['x-error-codes'] ?? []) assert.ok(html.includes(`<code>${e.code}</code>`), e.code);
    }
  }
  assert.ok(html.includes('<code>Idempotency-Key</code>'));
  assert.ok(html.includes('<code>WayGo-Signature</code>'));
  assert.ok(html.includes('<h3>PaymentRequest</h3>') && html.includes('<code>amountMinor</code>'));
  database.close();
});

test('escapes text from the document', () => {
  const doc: OpenApiDocument = {
    openapi: '3.1.0', info: { title: '<b>x</b>', version: '1', description: 'a & b' }, tags: [],
    paths: {}, components: { schemas: {}, parameters: {}, securitySchemes: {} },
  };
  const html = docsPage(doc);
  assert.ok(html.includes('&lt;b&gt;x&lt;/b&gt;') && html.includes('a &amp; b'));
  assert.not.ok(html.includes('<b>x</b>'));
});

test.run();
