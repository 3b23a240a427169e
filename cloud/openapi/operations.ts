import { z } from 'zod';
import type { OperationDescription } from './types.ts';

export const operations: OperationDescription[] = [{
  method: 'get', path: '/openapi.json', operationId: 'openApiDocument', tag: 'service', security: 'none',
  summary: 'This API as an OpenAPI 3.1 document, generated from the routes\' zod schemas',
  responses: { 200: { description: 'the document', body: { name: 'OpenApiDocument', schema: z.record(z.string(), z.unknown()) } } },
}, {
  method: 'get', path: '/docs', operationId: 'docsPage', tag: 'service', security: 'none',
  summary: 'The same document as a self-contained HTML page',
  responses: { 200: { description: 'the page', mediaType: 'text/html', body: { name: 'HtmlPage', schema: z.string() } } },
}];
