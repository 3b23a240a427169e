import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityProblems } from './a11y.ts';

const page = (body: string, lang = ' lang="en"') => `<!doctype html><html${lang}><head><title>T</title></head><body><main>${body}</main></body></html>`;

const test = suite('accessibilityProblems');

test('passes a page whose controls are labelled', () => {
  assert.equal(accessibilityProblems(page('<label for="a">A</label><input id="a"><label>B <select name="b"></select></label><input type="hidden" name="h">')), []);
});

test('finds a missing lang, an unlabelled control and an image without alt', () => {
  assert.equal(accessibilityProblems(page('<input name="q"><img src="x.png">', '')), [
    'an <img> (x.png) has no alt text', '<html> has no lang attribute', 'a <input> named "q" has no label',
  ]);
});

test('finds duplicate ids, dangling aria references, empty buttons and a missing main', () => {
  const html = '<!doctype html><html lang="en"><head><title>T</title></head><body><p id="x"></p><p id="x"></p><input aria-label="q" aria-describedby="nope"><button></button></body></html>';
  assert.equal(accessibilityProblems(html), [
    'a <button> has no text', 'the page has 0 <main> elements', 'id "x" is used 2 times', 'aria-describedby points at missing id "nope"',
  ]);
});

test.run();
