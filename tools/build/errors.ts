import type { Finding } from './es5-check/index.ts';

export type BuildErrorCode = 'toolchain' | 'bundle_failed' | 'lower_failed' | 'check_failed' | 'minify_failed' | 'flatten_failed';

/** A firmware build that cannot produce a bundle; `findings` holds the checker's list when code is check_failed. */
export class BuildError extends Error {
  readonly code: BuildErrorCode;
  readonly findings: Finding[];
  /** The file the findings point into. */
  readonly file: string | undefined;
  constructor(code: BuildErrorCode, message: string, findings: Finding[] = [], file?: string) {
    super(message);
    this.name = 'BuildError';
    this.code = code;
    this.findings = findings;
    this.file = file;
  }
}
