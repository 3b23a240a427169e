import type { Fields } from '../../../shared/protocol/types.ts';
import type { MonoImage } from './display/types.ts';

/** The QR module: the payload bytes as a 1-bit image of their symbol, or undefined when they do not fit. */
export interface QrModule {
  qrImage(bytes: Uint8Array): MonoImage | undefined;
}

/** The configuration check, run on a CONFIG telegram and on the stored configuration at boot. */
export interface ConfigModule {
  /** 0 when decoded CONFIG fields can run, else ERR.BAD_FIELD (machine/config.ts). */
  configError(fields: Fields): number;
}

/** The rarely used code the core reaches through `load` (firmware/src/modules/), by name. */
export interface FirmwareModules {
  config: ConfigModule;
  qr: QrModule;
}

/**
 * The board's module loader. On the box each module is a Storage file loaded with `require` when called and
 * taken out of the module cache at once, so its functions cost RAM only while the caller holds the result.
 */
export type LoadModule = <K extends keyof FirmwareModules>(name: K) => FirmwareModules[K];
