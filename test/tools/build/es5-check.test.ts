import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkEs5, formatFinding, type RuleId } from '../../../tools/build/es5-check/index.ts';

const rules = (code: string): RuleId[] => checkEs5(code).map((f) => f.rule);

function rejects(code: string, rule: RuleId): void {
  assert.ok(rules(code).includes(rule), `expected ${rule} for: ${code}\n got ${JSON.stringify(rules(code))}`);
}

function passes(code: string): void {
  assert.equal(checkEs5(code), [], `expected no findings for: ${code}`);
}

const check = suite('checkEs5');

check('es5-syntax: rejects let, arrows, spread and destructuring but passes their ES5 forms', () => {
  rejects('let a = 1;', 'es5-syntax');
  rejects('var f = (a) => a;', 'es5-syntax');
  rejects('f(...xs);', 'es5-syntax');
  rejects('var { a } = o;', 'es5-syntax');
  passes('var a = 1; var f = function (b) { return b; }; f.apply(null, [a]); var c = o.c;');
});

check('es5-syntax: reports where the parse failed', () => {
  const [finding] = checkEs5('var a = 1;\nvar b = `x`;');
  assert.is(finding?.line, 2);
  assert.is(finding?.column, 9);
});

check('function-position: rejects a function declared below a statement, passes one at the top of its block', () => {
  rejects('var a = 1;\nfunction f() {}', 'function-position');
  rejects('function outer() { var a = 1; function inner() {} }', 'function-position');
  passes('function f() {}\nvar a = 1;');
  passes('"use strict";\nfunction f() {}\nf();');
});

check('use-before-declaration: rejects a call before the declaration ran, passes a call after it', () => {
  rejects('f();\nfunction f() {}', 'use-before-declaration');
  passes('function f() {}\nf();');
});

check('use-before-declaration: rejects reading a var before its statement, passes reading after it', () => {
  rejects('print(x);\nvar x = 1;', 'use-before-declaration');
  passes('var x = 1;\nprint(x);');
});

check('use-before-declaration: follows a function called on the spot (TypeScript class output)', () => {
  rejects('var Dog = (function (_super) { __extends(Dog, _super); function Dog() {} return Dog; }(Animal));', 'use-before-declaration');
  passes('var Dog = (function (_super) { function Dog() {} __extends(Dog, _super); return Dog; }(Animal));');
});

check('use-before-declaration: ignores code in functions that run later, parameters and catch bindings', () => {
  passes('function f() { return x; }\nvar x = 1;\nf();');
  passes('function f(a) { return a; }\ntry { f(1); } catch (e) { print(e); }');
  passes('var t = typeof later;');
});

check('branch-declaration: rejects a var used outside the branch that declares it, passes use inside it', () => {
  rejects('if (c) { var y = 1; }\nprint(y);', 'branch-declaration');
  rejects('for (var i = 0; i < 2; i++) { var z = i; }\nprint(z);', 'branch-declaration');
  passes('if (c) { var y = 1; print(y); }');
  passes('for (var i = 0; i < 2; i++) { print(i); }\nprint(i);');
});

check('builtin-prototype: rejects Array.prototype.slice.call, passes [].slice.call and Object.prototype.hasOwnProperty', () => {
  rejects('var a = Array.prototype.slice.call(arguments);', 'builtin-prototype');
  rejects('var s = String.prototype.charCodeAt;', 'builtin-prototype');
  passes('var a = [].slice.call(arguments);');
  passes('var own = Object.prototype.hasOwnProperty.call(o, "k");');
  passes('Dog.prototype.bark = function () {}; var b = Dog.prototype.bark;');
});

check('missing-global: rejects Map, Symbol and TextEncoder, passes a local of the same name and typeof probes', () => {
  rejects('var m = new Map();', 'missing-global');
  rejects('var s = Symbol("x");', 'missing-global');
  rejects('var e = new TextEncoder();', 'missing-global');
  passes('function f(Map) { return Map; }');
  passes('var hasMap = typeof Map !== "undefined";');
});

check('missing-static: rejects Array.from, Object.freeze, Number.isInteger, Math.trunc, Promise.race; passes what exists', () => {
  for (const code of ['Array.from(x);', 'Object.freeze(o);', 'Number.isInteger(n);', 'Math.trunc(n);', 'Promise.race(ps);', 'Uint8Array.from(x);', 'Date.UTC(2020, 1);']) {
    rejects(code, 'missing-static');
  }
  passes('Array.isArray(x); Object.assign({}, o); Math.floor(n); Promise.all(ps); new Uint8Array(x); isNaN(n);');
});

check('missing-method: rejects .lastIndexOf(), .flat() and array iterators, passes indexOf and Object.keys', () => {
  rejects('a.lastIndexOf(1);', 'missing-method');
  rejects('a.flat();', 'missing-method');
  rejects('a.keys();', 'missing-method');
  passes('a.indexOf(1); Object.keys(o); Object.entries(o);');
});

check('function-name: rejects reading a function\'s name, passes name on plain objects', () => {
  rejects('function f() {}\nprint(f.name);', 'function-name');
  rejects('print(this.constructor.name);', 'function-name');
  passes('var o = { name: "a" };\nprint(o.name);');
});

check('spread-helper: rejects TypeScript\'s __spreadArray, passes concat', () => {
  rejects('var b = __spreadArray([], a, true);', 'spread-helper');
  passes('var b = [].concat(a);');
});

check('length-assign: rejects assigning .length, passes splice(0) and reading length', () => {
  rejects('a.length = 0;', 'length-assign');
  passes('a.splice(0); var n = a.length;');
});

check('label: rejects labelled loops, passes plain break', () => {
  rejects('outer: for (;;) { break outer; }', 'label');
  passes('for (;;) { break; }');
});

check('reports every finding with rule, message, line, column and excerpt', () => {
  const findings = checkEs5('var ok = 1;\nvar m = new Map();');
  assert.is(findings.length, 1);
  const [f] = findings;
  assert.is(f?.rule, 'missing-global');
  assert.is(f?.line, 2);
  assert.is(f?.column, 13);
  assert.is(f?.excerpt, 'var m = new Map();');
  assert.match(f!.message, /Map/);
});

check.run();

const format = suite('formatFinding');

format('prints file:line:col, the rule and message, then the excerpt indented', () => {
  const [f] = checkEs5('a.length = 0;');
  assert.is(formatFinding('x.js', f!), 'x.js:1:1 length-assign assigning .length throws on Espruino: use splice(0) to empty an array\n    a.length = 0;');
});

format.run();
