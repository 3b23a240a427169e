import { Hono } from 'hono';
import type { AppEnv } from '../types.ts';
import { docsPage } from './docs-page.ts';
import { openApiDocument } from './document.ts';
import { apiOperations, sharedSchemas } from './registry.ts';

/** GET /openapi.json and GET /docs, both built once per app from the routes' descriptions. */
export function openApiRoutes({ version }: { version: string }): Hono<AppEnv> {
  const document = openApiDocument(apiOperations, { version, shared: sharedSchemas });
  const json = JSON.stringify(document);
  const html = docsPage(document);
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.body(json, 200, { 'content-type': 'application/json; charset=utf-8' }))
    .get('/docs', (c) => c.html(html));
}
