// The firmware modules as Node tests reach them: the same code the Storage modules hold, imported directly.
import { payloadImage } from '../../../firmware/src/core/display/index.ts';
import { configError } from '../../../firmware/src/core/machine/index.ts';
import type { FirmwareModules } from '../../../firmware/src/core/index.ts';

const modules: FirmwareModules = { config: { configError }, qr: { qrImage: payloadImage } };

/** A LoadModule for tests. */
export function loadInNode<K extends keyof FirmwareModules>(name: K): FirmwareModules[K] {
  return modules[name];
}
