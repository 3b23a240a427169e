import { parse, type AnyNode } from 'acorn';
import * as walk from 'acorn-walk';
import { hoistedOrder, misplacedFunctions, statementList, type ListItem } from './es5-check/statement-lists.ts';

// Espruino defines a function only when its declaration statement runs. TypeScript's ES5 output calls
// functions above their declarations (a class IIFE runs `__extends(Dog, _super)` before `function Dog`),
// so every function declaration moves to the top of its own block. Standard JS hoists them anyway, so the
// move changes nothing for a spec-conforming engine.

interface Edit { start: number; end: number; text: string }

function indentAt(code: string, offset: number): string {
  const lineStart = code.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(code.slice(lineStart, offset))![0];
}

/** A list item's text together with the comments written just above it. */
function itemText(code: string, list: ListItem[], index: number): string {
  const item = list[index]!;
  const from = index === 0 ? item.start : list[index - 1]!.end;
  return code.slice(from, item.end).trim();
}

function reorder(code: string, list: ListItem[]): Edit {
  const first = list[0]!;
  const last = list[list.length - 1]!;
  const order = hoistedOrder(list);
  const separator = `\n${indentAt(code, first.start)}`;
  return { start: first.start, end: last.end, text: order.map((item) => itemText(code, list, list.indexOf(item))).join(separator) };
}

/** One pass: the outermost lists that need reordering (inner ones are handled by the next pass). */
function edits(code: string): Edit[] {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  const found: Edit[] = [];
  walk.full(ast, (node: AnyNode) => {
    const list = statementList(node);
    if (!list || misplacedFunctions(list).length === 0) return;
    if (found.some((e) => node.start >= e.start && node.end <= e.end)) return;
    for (let i = found.length - 1; i >= 0; i--) {
      if (found[i]!.start >= node.start && found[i]!.end <= node.end) found.splice(i, 1);
    }
    found.push(reorder(code, list));
  });
  return found;
}

/** Moves every function declaration to the top of its block (after any "use strict"), innermost last. */
export function hoistFunctions(code: string): string {
  let out = code;
  for (let pass = 0; pass < 100; pass++) {
    const todo = edits(out).sort((a, b) => b.start - a.start);
    if (todo.length === 0) return out;
    for (const edit of todo) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  throw new Error('hoistFunctions: nesting deeper than 100 blocks');
}
