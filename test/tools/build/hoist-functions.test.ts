import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { checkEs5 } from '../../../tools/build/es5-check/index.ts';
import { hoistFunctions } from '../../../tools/build/hoist-functions.ts';

const hoist = suite('hoistFunctions');

hoist('moves a function declaration above the statements that call it', () => {
  assert.is(hoistFunctions('f();\nfunction f() {}'), 'function f() {}\nf();');
});

hoist('keeps "use strict" first and the functions in their source order', () => {
  assert.is(hoistFunctions('"use strict";\nvar a = 1;\nfunction f() {}\nfunction g() {}'), '"use strict";\nfunction f() {}\nfunction g() {}\nvar a = 1;');
});

hoist('fixes nested blocks, including inside a function that itself moves', () => {
  const out = hoistFunctions('run();\nfunction run() { var x = inner(); function inner() { return 1; } return x; }');
  assert.equal(checkEs5(out), []);
  assert.is(runInNewContext(`${out}; run()`), 1);
});

hoist('turns TypeScript\'s class output (__extends before function Dog) into code the checker passes', () => {
  const ts = 'var Dog = /** @class */ (function (_super) {\n    __extends(Dog, _super);\n    function Dog() {}\n    return Dog;\n}(Animal));';
  assert.ok(checkEs5(ts).some((f) => f.rule === 'use-before-declaration'));
  const out = hoistFunctions(ts);
  assert.equal(checkEs5(out), []);
  assert.match(out, /\(function \(_super\) {\n {4}function Dog\(\) {}\n {4}__extends\(Dog, _super\);/);
});

hoist('leaves code that needs no move byte for byte unchanged', () => {
  const code = 'function f() {}\n// why\nvar a = f();\n';
  assert.is(hoistFunctions(code), code);
});

hoist('any order of declarations and calls: afterwards the checker passes and Node computes the same result', () => {
  const item = fc.oneof(
    fc.nat({ max: 5 }).map((n) => ({ kind: 'function' as const, n })),
    fc.nat({ max: 5 }).map((n) => ({ kind: 'call' as const, n })),
  );
  fc.assert(fc.property(fc.array(item, { maxLength: 12 }), (items) => {
    const seen = new Set<number>();
    const lines = ['var out = [];'];
    for (const it of items) {
      if (it.kind === 'function' && !seen.has(it.n)) {
        seen.add(it.n);
        lines.push(`function f${it.n}() { out.push(${it.n}); }`);
      }
    }
    for (const it of items) if (it.kind === 'call' && seen.has(it.n)) lines.splice(1 + Math.floor(lines.length / 2), 0, `f${it.n}();`);
    const code = lines.join('\n');
    const out = hoistFunctions(code);
    assert.equal(checkEs5(out), []);
    assert.equal(runInNewContext(`${out}; out.join()`), runInNewContext(`${code}; out.join()`));
  }));
});

hoist.run();
