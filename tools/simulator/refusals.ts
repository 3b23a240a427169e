import { parse } from 'acorn';
import { runInContext, type Context } from 'node:vm';
import { iteratorMethods, missingGlobals, missingMethods, missingStatics } from '../build/es5-check/denylist.ts';
import { SimulatorError } from './errors.ts';

/** The interpreter parses ES5 only (what the build lowers to): default parameters, `let` in loops… fail here. */
export function checkSyntax(code: string, filename: string): void {
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script', locations: true });
  } catch (error) {
    const at = (error as { loc?: { line: number; column: number } }).loc;
    const where = at === undefined ? filename : `${filename}:${at.line}:${at.column + 1}`;
    throw new SimulatorError('syntax', `${where} ${(error as Error).message} (the interpreter parses ES5 only)`);
  }
}

// V8 intrinsics of a fresh context that the interpreter does not have either, beyond the build's deny list.
const extraGlobals = ['Intl', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'AggregateError'];

/**
 * Runs inside the bundle's context before it: removes what Espruino 2v29 lacks (the same deny list the build's
 * checker uses) and reproduces interpreter quirks that silently change results. What cannot be removed this way
 * (methods read off a built-in `.prototype`, `fn.name`, `arr.length = 0`, hoisting) is left to the checker.
 */
function preludeSource(): string {
  const globals = [...missingGlobals, ...extraGlobals].filter((name) => name !== 'Buffer' && name !== 'setImmediate');
  return `(function (G) {
  var TA = Object.getPrototypeOf(Uint8Array.prototype);
  ${JSON.stringify(globals)}.forEach(function (n) { delete G[n]; });
  var statics = ${JSON.stringify(missingStatics)};
  Object.keys(statics).forEach(function (c) { statics[c].forEach(function (m) { delete G[c][m]; }); });
  ${JSON.stringify([...missingMethods, ...iteratorMethods])}.forEach(function (m) {
    delete Array.prototype[m]; delete TA[m];
  });
  // Typed arrays inherit from/of from %TypedArray%.
  var TAC = Object.getPrototypeOf(Uint8Array);
  delete TAC.from; delete TAC.of;
  delete Promise.prototype.finally;
  delete ArrayBuffer.prototype.slice;
  // Uint8Array.prototype.slice returns a plain Array on the interpreter (native crypto then refuses it).
  TA.slice = function (a, b) { return [].slice.call(this, a, b); };
  // subarray does not clamp its end there and reads past the buffer: a view that would do so is an error here.
  var subarray = TA.subarray;
  TA.subarray = function (a, b) {
    if (b !== undefined && b > this.length) throw new RangeError('subarray end ' + b + ' past length ' + this.length + ' (Espruino reads past the buffer)');
    return subarray.call(this, a, b);
  };
  // Math.round(-2.5) is -3 there.
  var round = Math.round;
  Math.round = function (x) { return x < 0 ? -round(-x) : round(x); };
  // apply takes at most 256 arguments there.
  var apply = Function.prototype.apply;
  Function.prototype.apply = function (self, args) {
    if (args && args.length > 256) throw new RangeError('apply with ' + args.length + ' arguments (Espruino takes 256)');
    return apply.call(this, self, args);
  };
  G.global = G;
})(this);`;
}

const prelude = preludeSource();

export function applyRefusals(context: Context): void {
  runInContext(prelude, context, { filename: 'espruino-prelude.js' });
}
