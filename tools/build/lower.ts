import ts from 'typescript';
import { BuildError } from './errors.ts';

// TypeScript 6 deprecates and 7 removes `target: "es5"`; package.json pins 5.9 for this step.
const supportedMajor = '5';

/** Lowers the ES2022 bundle to ES5 with TypeScript's own helpers (those run on Espruino, except __spreadArray). */
export function lowerToEs5(code: string): string {
  if (ts.version.split('.')[0] !== supportedMajor) {
    throw new BuildError('toolchain', `TypeScript ${ts.version} found; the firmware build needs 5.x (later versions drop target ES5)`);
  }
  const result = ts.transpileModule(code, {
    fileName: 'firmware.js',
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      module: ts.ModuleKind.CommonJS,
      allowJs: true,
      importHelpers: false,
      downlevelIteration: false,
      newLine: ts.NewLineKind.LineFeed,
    },
  });
  const first = result.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (first) throw new BuildError('lower_failed', `TypeScript could not lower the bundle: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`);
  return result.outputText;
}
