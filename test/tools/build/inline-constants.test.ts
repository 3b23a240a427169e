import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { checkEs5 } from '../../../tools/build/es5-check/index.ts';
import { inlineConstants } from '../../../tools/build/inline-constants.ts';

const inline = suite('inlineConstants');

const ERR = 'var ERR = { BAD_LENGTH: 1, BAD_FIELD: 13 };\n';

inline('replaces property reads of a literal object by the literal and drops the object', () => {
  const out = inlineConstants(`${ERR}function f(n) { return n > 2 ? ERR.BAD_LENGTH : ERR.BAD_FIELD; }\n`);
  assert.is(out, 'function f(n) { return n > 2 ? 1 /* ERR.BAD_LENGTH */ : 13 /* ERR.BAD_FIELD */; }\n');
});

inline('keeps an object that is passed, returned or read as a whole, byte for byte', () => {
  for (const use of ['g(ERR);', 'return ERR;', 'var copy = ERR;', 'x = ERR;', 'for (var k in ERR) {}', '"A" in ERR;', 'typeof ERR;']) {
    const code = `${ERR}function f(x) { x = ERR.BAD_LENGTH; ${use} }\n`;
    assert.is(inlineConstants(code), code, use);
  }
});

inline('keeps an object that is written, deleted, called, indexed or read for a property it does not have', () => {
  for (const use of ['ERR.BAD_LENGTH = 2;', 'ERR.BAD_LENGTH++;', 'delete ERR.BAD_FIELD;', 'ERR.BAD_LENGTH();', 'ERR[k];', 'ERR.hasOwnProperty("BAD_FIELD");', 'ERR.OTHER;']) {
    const code = `${ERR}function f(k) { ${use} return ERR.BAD_FIELD; }\n`;
    assert.is(inlineConstants(code), code, use);
  }
});

inline('leaves a name declared twice (a parameter or inner var shadows it) and a reassigned scalar alone', () => {
  for (const code of [
    `${ERR}function f(ERR) { return ERR.BAD_LENGTH; }\n`,
    `${ERR}function f() { var ERR = { BAD_LENGTH: 2 }; return ERR.BAD_LENGTH; }\n`,
    'var SIZE = 16;\nfunction f() { SIZE = 20; return SIZE; }\n',
    'var SIZE = 16;\nfunction f() { SIZE += 1; return SIZE; }\n',
  ]) assert.is(inlineConstants(code), code);
});

inline('leaves objects holding anything but number and string literals', () => {
  for (const init of ['{ A: 1, B: x }', '{ A: 1, B: [2] }', '{ A: 1, get B() { return 2; } }', '{ A: 1, A: 2 }', '{ A: true }']) {
    const code = `var X = ${init};\nfunction f() { return X.A; }\n`;
    assert.is(inlineConstants(code), code, init);
  }
});

inline('leaves a var declared inside a branch, which may never run', () => {
  const code = 'if (a) { var X = { A: 1 }; }\nfunction f() { return X.A; }\n';
  assert.is(inlineConstants(code), code);
});

inline('inlines a string read once, keeps one read twice, and drops properties nobody reads', () => {
  const code = 'var L = { ONE: "WG1/one", TWO: "WG1/two", NONE: "WG1/none" };\nf(L.ONE, L.TWO, L.TWO);\n';
  assert.is(inlineConstants(code), 'var L = { TWO: "WG1/two" };\nf("WG1/one" /* L.ONE */, L.TWO, L.TWO);\n');
});

inline('inlines number scalars, follows chains of constants, and removes unread ones', () => {
  const out = inlineConstants('var A = 16;\nvar B = A;\nvar UNUSED = 3, KEPT = g();\nh(B, KEPT);\n');
  assert.is(runInNewContext(`var got; function g() { return 5; } function h(x, y) { got = [x, y]; } ${out}; got`).join(), '16,5');
  assert.not.match(out, /var A|var B|UNUSED/);
});

inline('parenthesises a literal that is itself read for a property, or negative, so the result parses the same', () => {
  const code = 'var X = { N: 15, M: -1 };\nvar r = [X.N.toString(16), 2 - X.M, -X.M];\n';
  const out = inlineConstants(code);
  assert.equal(checkEs5(out), []);
  assert.is(JSON.stringify(runInNewContext(`${out}; r`)), `["f",3,1]`);
  assert.not.match(out, /var X/);
});

inline('does nothing in code that uses eval or with', () => {
  const code = `${ERR}function f() { return eval("ERR").BAD_LENGTH + ERR.BAD_FIELD; }\n`;
  assert.is(inlineConstants(code), code);
});

inline('any mix of reads computes the same in Node; one whole-object use keeps the object', () => {
  const value = fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.string({ maxLength: 6 }));
  fc.assert(fc.property(
    fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D'), { minLength: 1 }), fc.array(value, { minLength: 4, maxLength: 4 }),
    fc.array(fc.nat({ max: 3 }), { maxLength: 8 }), fc.boolean(),
    (keys, values, reads, whole) => {
      const init = keys.map((k, i) => `${k}: ${JSON.stringify(values[i])}`).join(', ');
      const exprs = reads.map((r) => `X.${keys[r % keys.length]!}`);
      if (whole) exprs.push('Object.keys(X).length');
      const code = `var X = { ${init} };\nvar out = [${exprs.join(', ')}];\n`;
      const out = inlineConstants(code);
      assert.is(JSON.stringify(runInNewContext(`${out}; out`)), JSON.stringify(runInNewContext(`${code}; out`)));
      assert.is(out.includes('var X'), whole || keys.some((k) => exprs.filter((e) => e === `X.${k}`).length > 1 && typeof values[keys.indexOf(k)] === 'string'));
    },
  ));
});

inline.run();
