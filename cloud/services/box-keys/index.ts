export { createBoxKey, loadBoxKeys, rotateBoxKey, sealingKeyVersion } from './service.ts';
export type { BoxKeyOptions, IssuedBoxKeys } from './service.ts';
export { FIRST_KEY_VERSION, LAST_KEY_VERSION } from './material.ts';
