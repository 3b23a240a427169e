export { loadConfig } from './load.ts';
export type { CloudConfig, LoadConfigOptions } from './load.ts';
export { DEV_KEK_FILE } from './dev-kek.ts';
export { FIELDS, MAX_BODY_LIMIT } from './fields.ts';
export type { FieldName } from './fields.ts';
