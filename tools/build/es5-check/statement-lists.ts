import type { AnyNode, Statement, ModuleDeclaration } from 'acorn';

export type ListItem = Statement | ModuleDeclaration;

/** The statement list a node holds directly (a program, a block or function body, a switch case), if any. */
export function statementList(node: AnyNode): ListItem[] | undefined {
  if (node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock') return node.body;
  if (node.type === 'SwitchCase') return node.consequent;
  return undefined;
}

function isPrologue(item: ListItem): boolean {
  return item.type === 'EmptyStatement' || (item.type === 'ExpressionStatement' && item.directive !== undefined);
}

/**
 * Function declarations that follow other statements in their list. Espruino defines a function when its
 * declaration statement runs, so such a function is undefined for the statements above it.
 */
export function misplacedFunctions(list: ListItem[]): ListItem[] {
  const misplaced: ListItem[] = [];
  let seenOther = false;
  for (const item of list) {
    if (item.type === 'FunctionDeclaration') {
      if (seenOther) misplaced.push(item);
    } else if (!isPrologue(item)) {
      seenOther = true;
    }
  }
  return misplaced;
}

/** Reorders a list: prologue (directives), then function declarations, then the rest, each in source order. */
export function hoistedOrder(list: ListItem[]): ListItem[] {
  const prologue: ListItem[] = [];
  const functions: ListItem[] = [];
  const rest: ListItem[] = [];
  let inPrologue = true;
  for (const item of list) {
    if (inPrologue && isPrologue(item)) prologue.push(item);
    else if (item.type === 'FunctionDeclaration') functions.push(item);
    else rest.push(item);
    if (!isPrologue(item)) inPrologue = false;
  }
  return [...prologue, ...functions, ...rest];
}
