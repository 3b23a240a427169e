import * as assert from 'uvu/assert';
import { EmvError } from '../../../shared/emv/index.ts';

/** The EmvError code `fn` throws, or 'no error'; any other kind of throw fails the test. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof EmvError, `expected EmvError, got ${String(err)}`);
    return (err as EmvError).code;
  }
  return 'no error';
}
