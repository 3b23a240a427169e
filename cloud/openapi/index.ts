export { docsPage } from './docs-page.ts';
export { openApiDocument, openApiPath } from './document.ts';
export type { OpenApiDocument, OperationObject, ResponseObject } from './document.ts';
export { apiOperations, sharedSchemas } from './registry.ts';
export { openApiRoutes } from './routes.ts';
export type { ErrorDescription, HttpMethod, NamedSchema, OperationDescription, ResponseDescription } from './types.ts';
