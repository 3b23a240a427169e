import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSimulatedBox, SimulatorError } from '../../../tools/simulator/index.ts';
import { boards } from '../../../tools/build/index.ts';

const [puckjs, pixljs, mdbt42q] = boards as [typeof boards[0], typeof boards[0], typeof boards[0]];

function bootError(code: string, board = puckjs): SimulatorError {
  try {
    createSimulatedBox({ board, code });
  } catch (error) {
    if (error instanceof SimulatorError) return error;
    throw error;
  }
  throw new Error('the bundle booted');
}

function run(code: string, board = puckjs): string[] {
  return createSimulatedBox({ board, code }).console;
}

const refusals = suite('createSimulatedBox refusals');

refusals('a bundle with a default parameter is refused before it runs, with its position', () => {
  const error = bootError('var x = 1;\nfunction f(a = 1) { return a; }');
  assert.is(error.code, 'syntax');
  assert.match(error.message, /firmware\.js:2:/);
});

refusals('let, arrow functions and template literals are not ES5 either', () => {
  for (const code of ['let a = 1;', 'var f = () => 1;', 'var s = `x`;']) assert.is(bootError(code).code, 'syntax', code);
});

refusals('a bundle that uses Map fails at boot as on the interpreter', () => {
  const error = bootError('var m = new Map();');
  assert.is(error.code, 'boot_failed');
  assert.match(error.message, /Map is not defined/);
});

refusals('globals the interpreter lacks are undefined in the bundle', () => {
  const names = ['Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'BigInt', 'Proxy', 'Reflect', 'TextEncoder', 'TextDecoder', 'Intl'];
  assert.equal(run(`console.log(${names.map((n) => `typeof ${n}`).join(', ')});`), [names.map(() => 'undefined').join(' ')]);
});

refusals('static and instance methods the interpreter lacks are undefined', () => {
  const probes = [
    'Array.from', 'Array.of', 'Object.freeze', 'Number.isInteger', 'Number.isNaN', 'Math.imul', 'Math.clz32', 'Math.trunc',
    'Math.log2', 'Math.hypot', 'Math.fround', 'Promise.race', 'Promise.allSettled', 'Promise.any', 'Uint8Array.from', 'Date.UTC',
    '[].lastIndexOf', '[].flat', '[].keys', 'new Uint8Array(1).entries', 'Promise.resolve().finally', 'new ArrayBuffer(1).slice',
  ];
  assert.equal(run(`console.log(${probes.map((p) => `typeof ${p}`).join(', ')});`), [probes.map(() => 'undefined').join(' ')]);
});

refusals('what the interpreter has stays: Math.sign, Object.assign, Promise.all, string lastIndexOf, [].slice.call', () => {
  assert.equal(run("console.log(Math.sign(-3), Object.assign({}, {a: 1}).a, typeof Promise.all, 'abca'.lastIndexOf('a'), [].slice.call([1, 2], 1)[0]);"), ['-1 1 function 3 2']);
});

refusals('interpreter quirks are reproduced: Uint8Array slice gives an Array, Math.round(-2.5) is -3', () => {
  assert.equal(run('console.log(Array.isArray(new Uint8Array(2).slice(0)), Math.round(-2.5), Math.round(2.5));'), ['true -3 3']);
});

refusals('a subarray that would read past the buffer is an error, and apply refuses more than 256 arguments', () => {
  assert.is(bootError('new Uint8Array(4).subarray(0, 9);').code, 'boot_failed');
  assert.is(bootError('String.fromCharCode.apply(null, new Array(300));').code, 'boot_failed');
});

const crypto = suite('board crypto');

crypto('a Pixl.js bundle that calls native AES fails: the module has SHA1 only', () => {
  const error = bootError("require('crypto').AES.encrypt(new Uint8Array(16), new Uint8Array(32), {mode: 'CBC', iv: new Uint8Array(16)});", pixljs);
  assert.is(error.code, 'boot_failed');
  assert.equal(run("var c = require('crypto'); console.log(typeof c.SHA1, typeof c.SHA256, typeof c.AES);", pixljs), ['function undefined undefined']);
});

crypto('MDBT42Q has SHA1 and SHA256 but no AES; Puck.js has SHA1, SHA224, SHA256 and AES', () => {
  const probe = "var c = require('crypto'); console.log(typeof c.SHA1, typeof c.SHA224, typeof c.SHA256, typeof c.AES);";
  assert.equal(run(probe, mdbt42q), ['function undefined function undefined']);
  assert.equal(run(probe, puckjs), ['function function function object']);
});

crypto('native SHA256 returns an ArrayBuffer of the digest', () => {
  assert.equal(run("var d = require('crypto').SHA256('abc'); console.log(d instanceof ArrayBuffer, new Uint8Array(d)[0], d.byteLength);"), ['true 186 32']);
});

crypto('AES-CBC has no padding: a bad length prints ERROR and returns undefined instead of throwing', () => {
  const lines = run("var r = require('crypto').AES.encrypt(new Uint8Array(15), new Uint8Array(32), {mode: 'CBC', iv: new Uint8Array(16)}); console.log(r === undefined);");
  assert.is(lines.length, 2);
  assert.match(lines[0]!, /^ERROR: /);
  assert.is(lines[1], 'true');
});

crypto('AES-CBC encrypt then decrypt returns the plaintext as an ArrayBuffer', () => {
  const code = `var c = require('crypto'), k = new Uint8Array(32), o = {mode: 'CBC', iv: new Uint8Array(16).fill(7)};
    var x = c.AES.encrypt(new Uint8Array(32).fill(5), k, o), y = c.AES.decrypt(x, k, o);
    console.log(x instanceof ArrayBuffer, new Uint8Array(x)[0] !== 5, new Uint8Array(y)[31]);`;
  assert.equal(run(code), ['true true 5']);
});

refusals.run();
crypto.run();
