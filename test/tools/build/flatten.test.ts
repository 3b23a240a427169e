import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runInNewContext } from 'node:vm';
import { BuildError } from '../../../tools/build/index.ts';
import { flattenBundle, markDrops, reserveGlobals } from '../../../tools/build/flatten.ts';
import { checkEs5 } from '../../../tools/build/es5-check/index.ts';

const reserve = suite('reserveGlobals');

reserve('names the pins and Espruino objects in a last statement of the wrapper', () => {
  const out = reserveGlobals('(function () { var a = 1; })();');
  assert.match(out, /__waygoReserved\(E,g,NRF,.*D0,.*D47,A0,.*H15,LED1.*\);\n\}\)\(\);$/);
});

reserve('leaves code that is not one wrapper as it is', () => {
  assert.is(reserveGlobals('var x = 1;'), 'var x = 1;');
  assert.is(reserveGlobals('var x = ;'), 'var x = ;');
});

reserve.run();

const flatten = suite('flattenBundle');

flatten('puts the wrapper\'s statements at the top level, its parameters as vars below the leading functions', () => {
  const out = flattenBundle('!function(a,b){function f(){return a+b}a=2,b=3,result=f(),__waygoReserved(E,g)}()');
  assert.is(out, 'function f(){return a+b}var a,b;a=2,b=3,result=f()');
  assert.equal(checkEs5(out), []);
  const context: { result?: number } = {};
  runInNewContext(out, context);
  assert.is(context.result, 5);
});

flatten('drops a reserving call that stands as its own statement', () => {
  assert.is(flattenBundle('(function(){x=1;__waygoReserved(E)})()'), 'x=1;');
});

flatten('refuses a top-level name that would hide a pin or an Espruino object', () => {
  for (const code of ['!function(D1){D1=2}()', '!function(){function E(){}}()', '!function(){var LED1=1}()']) {
    try {
      flattenBundle(code);
      assert.unreachable(code);
    } catch (err) {
      assert.instance(err, BuildError);
      assert.is((err as BuildError).code, 'flatten_failed');
    }
  }
});

flatten('refuses a wrapper whose top level uses return, this or arguments, and allows them in nested functions', () => {
  for (const code of ['!function(){return 1}()', '!function(){x=this}()', '!function(){x=arguments}()']) {
    assert.throws(() => flattenBundle(code), (err: unknown) => err instanceof BuildError && err.code === 'flatten_failed');
  }
  assert.is(flattenBundle('!function(){function f(){return this.a+arguments[0]}}()'), 'function f(){return this.a+arguments[0]}');
});

flatten('leaves code that is not one wrapper as it is', () => {
  assert.is(flattenBundle('var x=1'), 'var x=1');
  assert.is(flattenBundle('!function(){}(1)'), '!function(){}(1)');
});

flatten.run();

const drops = suite('markDrops');

drops('turns the trailing deletes into one call, so the minifier keeps them', () => {
  const code = '(function () {\n    function f() {}\n    f();\n    delete f;\n    delete g;\n})();';
  assert.is(markDrops(code), '(function () {\n    function f() {}\n    f();\n    __waygoDrop(f, g);\n})();');
  assert.is(markDrops('(function () { f(); })();'), '(function () { f(); })();');
});

drops('the call becomes deletes of the global names once flattened, in a comma expression or on its own', () => {
  assert.is(flattenBundle('!function(){function a(){}a(),__waygoDrop(a),__waygoReserved(E)}()'), 'function a(){}a(),delete a');
  assert.is(flattenBundle('!function(){function a(){}a();__waygoDrop(a,b)}()'), 'function a(){}a();delete a,delete b;');
});

drops.run();
