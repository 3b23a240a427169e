import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { bootOnlyFunctions, dropBootFunctions } from '../../../tools/build/drop-boot-functions.ts';

const wrap = (body: string) => `(function () {\n${body}\n})();`;

const boot = suite('bootOnlyFunctions');

boot('finds functions called only from the top level or from other boot-only functions', () => {
  const code = wrap('function helper() { return 1; }\nfunction make() { var x = helper(); return function () { return x; }; }\nvar get = make();');
  assert.equal(bootOnlyFunctions(code).sort(), ['helper', 'make']);
});

boot('keeps a function a nested function calls: a closure may run it at any time', () => {
  const code = wrap('function used() { return 1; }\nfunction make() { return function () { return used(); }; }\nvar get = make();');
  assert.equal(bootOnlyFunctions(code), ['make']);
});

boot('keeps a function used as a value (passed, stored, compared, typeof)', () => {
  for (const use of ['setTimeout(f, 1);', 'var o = { f: f };', 'var same = f === f;', 'var t = typeof f;']) {
    assert.equal(bootOnlyFunctions(wrap(`function f() {}\n${use}`)), [], use);
  }
});

boot('keeps what a kept function calls, transitively', () => {
  const code = wrap('function a() { return b(); }\nfunction b() { return c(); }\nfunction c() { return 1; }\nsetTimeout(a, 1);');
  assert.equal(bootOnlyFunctions(code), []);
});

boot('leaves a name declared twice, and code that uses eval or with, alone', () => {
  assert.equal(bootOnlyFunctions(wrap('function f() {}\nf();\nfunction g() { var f = 1; return f; }\nsetTimeout(g, 1);')), []);
  assert.equal(bootOnlyFunctions(wrap('function f() {}\nf();\neval("1");')), []);
  assert.equal(bootOnlyFunctions('function f() {}\nf();'), []);
});

boot.run();

const drop = suite('dropBootFunctions');

drop('appends a delete per boot-only function as the wrapper\'s last statements', () => {
  const out = dropBootFunctions(wrap('function f() { return 1; }\nvar x = f();'));
  assert.match(out, /\n {4}delete f;\n\}\)\(\);$/);
});

drop('computes the same in Node for any mix of boot calls and kept closures (deletes of locals do nothing there)', () => {
  fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), (kept) => {
    const fns = kept.map((k, i) => `function f${i}(n) { return ${k ? `function () { return n + ${i}; }` : `n * ${i + 2}`}; }`);
    const uses = kept.map((k, i) => (k ? `out.push(f${i}(${i})());` : `out.push(f${i}(${i}));`));
    const code = wrap(`${fns.join('\n')}\n${uses.join('\n')}`);
    const run = (c: string) => {
      const context = { out: [] as number[] };
      runInNewContext(c, context);
      return context.out;
    };
    assert.equal(run(dropBootFunctions(code)), run(code));
    assert.is(bootOnlyFunctions(code).length, kept.length);
  }));
});

drop.run();
