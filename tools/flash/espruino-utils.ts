// The upload text comes from the espruino package's own code (core/utils.js getUploadFileCode), so a dry run
// writes what the Espruino tools would send. The file is loaded into its own vm context: requiring the package
// would load every tool file into this process's global scope (see docs/firmware-build.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createContext, runInContext } from 'node:vm';

interface EspruinoUtils {
  getUploadFileCode(fileName: string, contents: string, options?: { fs?: boolean }): string;
}

let loaded: EspruinoUtils | undefined;

export function espruinoUtils(): EspruinoUtils {
  if (loaded !== undefined) return loaded;
  const path = createRequire(import.meta.url).resolve('espruino/core/utils.js');
  const context = createContext({ Espruino: { Core: {}, Plugins: {} } });
  runInContext(readFileSync(path, 'utf8'), context, { filename: path });
  loaded = (context.Espruino as { Core: { Utils: EspruinoUtils } }).Core.Utils;
  return loaded;
}
