// What the Espruino interpreter (2v29) lacks, per docs/firmware-build.md and the interpreter itself:
// `typeof Map`, `typeof Array.from`, `typeof [].lastIndexOf` ... print "undefined" there.

/** Globals that do not exist on the interpreter (Buffer and setImmediate are Node's). */
export const missingGlobals: ReadonlySet<string> = new Set([
  'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'Symbol', 'BigInt', 'Proxy', 'Reflect',
  'TextEncoder', 'TextDecoder', 'Buffer', 'structuredClone', 'queueMicrotask', 'setImmediate',
]);

const typedArrays = [
  'Uint8Array', 'Int8Array', 'Uint8ClampedArray', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array',
  'Float32Array', 'Float64Array',
];

/** Static methods that are missing although their constructor exists. */
export const missingStatics: Readonly<Record<string, readonly string[]>> = {
  Array: ['from', 'of'],
  Object: ['freeze', 'isFrozen', 'seal'],
  Number: ['isInteger', 'isNaN', 'isFinite', 'isSafeInteger'],
  Math: ['imul', 'clz32', 'trunc', 'log2', 'log10', 'hypot', 'fround', 'cbrt', 'expm1', 'log1p'],
  Promise: ['race', 'allSettled', 'any'],
  Date: ['UTC'],
  String: ['fromCodePoint', 'raw'],
  ...Object.fromEntries(typedArrays.map((name) => [name, ['from', 'of']])),
};

/** Instance methods missing on arrays (and `finally` on promises); the type is unknown, so any receiver counts. */
export const missingMethods: ReadonlySet<string> = new Set(['lastIndexOf', 'flat', 'flatMap', 'finally']);

/** Iterator methods: missing on arrays and typed arrays, present as `Object.keys/entries/values`. */
export const iteratorMethods: ReadonlySet<string> = new Set(['keys', 'entries', 'values']);

/** Constructors whose `.prototype` yields only what Object.prototype gives (`Array.prototype.slice` is undefined). */
export const builtinConstructors: ReadonlySet<string> = new Set([
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Function', 'Date', 'RegExp', 'Error', 'Promise',
  'ArrayBuffer', 'DataView', ...typedArrays,
]);

/** Reading these off any built-in prototype works: they are Object.prototype's own (checked on the interpreter). */
export const inheritedFromObject: ReadonlySet<string> = new Set(['hasOwnProperty', 'toString', 'valueOf']);

/** TypeScript's array-spread helpers read `Array.prototype.slice`. */
export const spreadHelpers: ReadonlySet<string> = new Set(['__spreadArray', '__spreadArrays', '__spread']);
