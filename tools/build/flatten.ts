import { parse, type CallExpression, type FunctionExpression, type Node, type Program } from 'acorn';
import * as walk from 'acorn-walk';
import { BuildError } from './errors.ts';

// Why the stored bundle has no wrapper (measured on 2v29, docs/firmware-build.md "Memory on the box"): a function
// keeps a reference to the scopes it was made in. Made at the top level of a program it needs none; made one
// level down (the bundle's IIFE) it holds that scope (+1 JsVar each); and a closure made inside a function called
// from the IIFE holds a copied array of both scopes (+3 JsVars each). Unwrapped, the Puck.js bundle used about
// 340 JsVars less idle and 400 less at the peak of a payment. The minifier shortens only local names, so the
// wrapper stays until names are short and comes off just before pretokenising.

/** Espruino built-in globals a short minified name could hit (pins, board objects). A top-level name among them would hide it. */
const RESERVED = [
  'E', 'g', 'NRF', 'Pin', 'LED', 'BTN', 'SPI', 'I2C', 'Puck', 'Pixl', 'Bluetooth', 'Serial1', 'Terminal', 'Graphics',
  ...Array.from({ length: 48 }, (_, i) => `D${i}`), ...Array.from({ length: 8 }, (_, i) => `A${i}`),
  ...Array.from({ length: 16 }, (_, i) => `H${i}`), 'LED1', 'LED2', 'LED3', 'BTN1', 'BTN2', 'BTN3', 'BTN4',
];
const RESERVE_CALL = '__waygoReserved';
// The deletes of drop-boot-functions.ts cross the minifier as this call: it removes deletes of local names.
const DROP_CALL = '__waygoDrop';

/** The function of a program that is one `(function () { … })()` or `!function () { … }()` statement. */
export function wrapperOf(program: Program): FunctionExpression | undefined {
  const only = program.body.length === 1 ? program.body[0] : undefined;
  if (only === undefined || only.type !== 'ExpressionStatement') return undefined;
  let expression = only.expression;
  if (expression.type === 'UnaryExpression' && expression.operator === '!') expression = expression.argument;
  if (expression.type !== 'CallExpression' || expression.arguments.length !== 0) return undefined;
  const callee = (expression as CallExpression).callee;
  return callee.type === 'FunctionExpression' && callee.id === null ? callee : undefined;
}

/** The wrapper function, or undefined for code that is not one wrapper (or does not parse: the minifier reports that). */
function wrapped(code: string): FunctionExpression | undefined {
  try {
    return wrapperOf(parse(code, { ecmaVersion: 5, sourceType: 'script' }));
  } catch {
    return undefined;
  }
}

/**
 * Adds a call naming every reserved global as the wrapper's last statement, so the minifier, which never gives a
 * local the name of a global used in its scope, cannot pick one of them. `flattenBundle` removes the call.
 */
export function reserveGlobals(code: string): string {
  const fn = wrapped(code);
  if (fn === undefined) return code;
  const at = fn.body.end - 1;
  return `${code.slice(0, at)}${RESERVE_CALL}(${RESERVED.join(',')});\n${code.slice(at)}`;
}

/** Names declared at the wrapper's top level: its parameters (the minifier turns `var`s into them) and its `var`s and functions. */
function topLevelNames(fn: FunctionExpression): string[] {
  const names = fn.params.map((p) => (p.type === 'Identifier' ? p.name : ''));
  walk.recursive(fn.body, undefined, {
    Function(node) {
      if (node.type === 'FunctionDeclaration' && node.id) names.push(node.id.name);
    },
    VariableDeclarator(node) {
      if (node.id.type === 'Identifier') names.push(node.id.name);
    },
  });
  return names;
}

function usesWrapperOnlySyntax(fn: FunctionExpression): boolean {
  let found = false;
  walk.recursive(fn.body, undefined, {
    Function() {
      // `this`, `arguments` and `return` inside a nested function are that function's own.
    },
    ReturnStatement() {
      found = true;
    },
    ThisExpression() {
      found = true;
    },
    Identifier(node) {
      if (node.name === 'arguments') found = true;
    },
  });
  return found;
}

function markerName(node: Node): string | undefined {
  const call = node as CallExpression;
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
  return call.callee.name === RESERVE_CALL || call.callee.name === DROP_CALL ? call.callee.name : undefined;
}

/** The reserving call becomes nothing; the drop call becomes a `delete` of each name it lists (global names now). */
function markerText(code: string, call: CallExpression): string {
  if (markerName(call) === RESERVE_CALL) return '';
  return call.arguments.map((a) => `delete ${code.slice(a.start, a.end)}`).join(',');
}

interface Edit { start: number; end: number; text: string }

/** The markers at the wrapper's top level: whole statements, or items of a comma expression (the minifier joins statements). */
function markerEdits(code: string, fn: FunctionExpression): Edit[] {
  const edits: Edit[] = [];
  for (const statement of fn.body.body) {
    if (statement.type !== 'ExpressionStatement') continue;
    const expression = statement.expression;
    if (markerName(expression) !== undefined) {
      const text = markerText(code, expression as CallExpression);
      edits.push({ start: statement.start, end: statement.end, text: text === '' ? '' : `${text};` });
      continue;
    }
    if (expression.type !== 'SequenceExpression') continue;
    for (const item of expression.expressions) {
      if (markerName(item) === undefined) continue;
      const text = markerText(code, item as CallExpression);
      // An empty replacement takes the comma before it along (a marker is never first: code precedes it).
      edits.push(text === '' ? { start: code.lastIndexOf(',', item.start), end: item.end, text } : { start: item.start, end: item.end, text });
    }
  }
  return edits;
}

/**
 * The minified bundle as a program: the wrapper's statements, its parameters declared as `var`s below the leading
 * function declarations (which must stay at the top: no hoisting), the reserving call removed and the drop call
 * turned into deletes. Code that is not one wrapper is returned as it is.
 */
export function flattenBundle(minified: string): string {
  const fn = wrapped(minified);
  if (fn === undefined) return minified;
  if (fn.params.some((p) => p.type !== 'Identifier') || usesWrapperOnlySyntax(fn)) {
    throw new BuildError('flatten_failed', 'the wrapper uses `return`, `this` or `arguments` at its top level');
  }
  const clash = topLevelNames(fn).filter((name) => RESERVED.includes(name));
  if (clash.length > 0) throw new BuildError('flatten_failed', `top-level names would hide Espruino globals: ${clash.join(', ')}`);
  const params = fn.params.map((p) => (p.type === 'Identifier' ? p.name : ''));
  const edits = markerEdits(minified, fn);
  const firstOther = fn.body.body.find((s) => s.type !== 'FunctionDeclaration');
  if (params.length > 0) {
    const at = firstOther === undefined ? fn.body.end - 1 : firstOther.start;
    edits.push({ start: at, end: at, text: `var ${params.join(',')};` });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let from = fn.body.start + 1;
  for (const edit of edits) {
    out += minified.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + minified.slice(from, fn.body.end - 1);
}

/**
 * The wrapper's trailing `delete name;` statements (drop-boot-functions.ts) as one call the minifier keeps: it
 * drops deletes of local names as no-ops, and it renames the call's arguments like every other use.
 */
export function markDrops(code: string): string {
  const fn = wrapped(code);
  if (fn === undefined) return code;
  const body = fn.body.body;
  let first = body.length;
  while (first > 0) {
    const s = body[first - 1]!;
    if (s.type !== 'ExpressionStatement' || s.expression.type !== 'UnaryExpression' || s.expression.operator !== 'delete' ||
      s.expression.argument.type !== 'Identifier') break;
    first--;
  }
  if (first === body.length) return code;
  const names = body.slice(first).map((s) => code.slice(s.start, s.end).replace(/^delete\s+|;$/g, ''));
  return `${code.slice(0, body[first]!.start)}${DROP_CALL}(${names.join(', ')});${code.slice(body[body.length - 1]!.end)}`;
}
