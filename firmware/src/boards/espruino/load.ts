import type { FirmwareModules, LoadModule } from '../../core/modules.ts';

// Storage names are limited to 28 characters; the prefix keeps the firmware's modules apart from the box's data.
export const MODULE_PREFIX = 'waygo.m.';

/** Loads a firmware module from Storage and drops it from the module cache, so it is freed after this use. */
export const loadModule: LoadModule = function <K extends keyof FirmwareModules>(name: K): FirmwareModules[K] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Storage modules are reached only through require
  const exports = require(MODULE_PREFIX + name) as FirmwareModules[K];
  Modules.removeCached(MODULE_PREFIX + name);
  return exports;
};
