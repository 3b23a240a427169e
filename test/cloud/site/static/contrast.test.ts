import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const css = readFileSync(new URL('../../../../cloud/site/static/site.css', import.meta.url), 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]));

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const color = (name: string) => vars[name] ?? name;

// Text colour on the background it is drawn on, as the stylesheet pairs them.
const PAIRS: [string, string][] = [
  ['ink', 'bg'], ['ink', 'panel'], ['muted', 'bg'], ['muted', 'panel'], ['accent', 'bg'], ['accent', 'panel'],
  ['accent-ink', 'accent'], ['#ffffff', '#102a43'], ['ok-ink', 'ok-bg'], ['warn-ink', 'warn-bg'], ['err-ink', 'err-bg'],
  ['err-ink', 'bg'], ['ink', '#e8f1fb'], ['#ffffff', 'err-ink'],
];

const test = suite('site.css');

test('every text colour meets WCAG AA (4.5:1) on its background', () => {
  const failing = PAIRS.map(([fg, bg]) => [fg, bg, contrast(color(fg), color(bg))] as const).filter(([, , ratio]) => ratio < 4.5);
  assert.equal(failing, []);
});

test('the focus outline stands out from white and from the panel (3:1 for non-text)', () => {
  assert.ok(contrast(color('focus'), color('bg')) >= 3);
  assert.ok(contrast(color('focus'), color('panel')) >= 3);
});

test('the layout switches to one column for narrow screens', () => {
  assert.match(css, '@media (max-width: 640px)');
});

test.run();
