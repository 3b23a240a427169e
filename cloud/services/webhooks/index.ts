export { createWebhookEndpoint, disableWebhookEndpoint, loadWebhookEndpoint } from './endpoints.ts';
export type { CreatedEndpoint, EndpointOptions } from './endpoints.ts';
export { DbDeliveryStore } from './db-store.ts';
export { queueEvent } from './outbox.ts';
export { databaseDeliveryEngine, startWebhookWorker } from './worker.ts';
export type { WebhookEngineOptions, WebhookWorker } from './worker.ts';
