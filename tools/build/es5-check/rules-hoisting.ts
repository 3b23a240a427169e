import type { AnyNode, Identifier, Node, Program } from 'acorn';
import * as walk from 'acorn-walk';
import { misplacedFunctions, statementList } from './statement-lists.ts';
import type { Report } from './types.ts';

// Espruino has no hoisting: a function exists once its declaration statement has run, a `var` once its
// statement has run (a `var` in a branch that did not run is never declared). These rules follow top-level
// execution order within one scope; code inside a function that is not called on the spot runs later
// and is not judged here.

interface Declaration {
  kind: 'var' | 'function' | 'param';
  /** Offset from which the name is usable in straight-line order. */
  ready: number;
  /** The innermost branch (if arm, loop body, switch case, try block) holding it, if any. */
  guard: AnyNode | null;
}

type ScopeNode = Node;
type Scopes = Map<ScopeNode, Map<string, Declaration[]>>;

function isScope(node: AnyNode): boolean {
  return node.type === 'Program' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression'
    || node.type === 'ArrowFunctionExpression';
}

function isBranch(parent: AnyNode, child: AnyNode): boolean {
  switch (parent.type) {
    case 'IfStatement': return child === parent.consequent || child === parent.alternate;
    case 'ForStatement': case 'ForInStatement': case 'ForOfStatement': case 'WhileStatement': return child === parent.body;
    case 'TryStatement': return child === parent.block || child === parent.handler;
    case 'SwitchStatement': return child.type === 'SwitchCase';
    default: return false;
  }
}

/** `ancestors` ends with the declaring node; returns its scope and innermost branch inside that scope. */
function placement(ancestors: AnyNode[]): { scope: ScopeNode; guard: AnyNode | null } {
  let guard: AnyNode | null = null;
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const node = ancestors[i]!;
    if (isScope(node)) return { scope: node, guard };
    if (guard === null && isBranch(node, ancestors[i + 1]!)) guard = ancestors[i + 1]!;
  }
  return { scope: ancestors[0]!, guard };
}

function declare(scopes: Scopes, scope: ScopeNode, name: string, declaration: Declaration): void {
  let names = scopes.get(scope);
  if (!names) scopes.set(scope, (names = new Map()));
  const list = names.get(name);
  if (list) list.push(declaration);
  else names.set(name, [declaration]);
}

function collect(ast: Program, report: Report): Scopes {
  const scopes: Scopes = new Map();
  walk.ancestor(ast, {
    VariableDeclarator(node, _state, ancestors) {
      if (node.id.type !== 'Identifier') return;
      const { scope, guard } = placement(ancestors);
      declare(scopes, scope, node.id.name, { kind: 'var', ready: node.id.end, guard });
    },
    FunctionDeclaration(node, _state, ancestors) {
      const { scope, guard } = placement(ancestors);
      if (node.id) declare(scopes, scope, node.id.name, { kind: 'function', ready: node.start, guard });
      const list = statementList(ancestors[ancestors.length - 2]!);
      if (list && misplacedFunctions(list).some((item) => item.start === node.start)) {
        report(node, 'function-position', `function ${node.id?.name ?? ''} is not at the top of its block: Espruino defines it only when this line runs`);
      }
    },
    Function(node) {
      for (const param of node.params) {
        if (param.type === 'Identifier') declare(scopes, node, param.name, { kind: 'param', ready: 0, guard: null });
      }
      if (node.type === 'FunctionExpression' && node.id) declare(scopes, node, node.id.name, { kind: 'param', ready: 0, guard: null });
    },
  });
  return scopes;
}

/** A function expression called where it stands (`(function () { … })()` or `.call(this)`): its body runs now. */
function runsOnTheSpot(fn: AnyNode, parent: AnyNode | undefined, grandparent: AnyNode | undefined): boolean {
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return false;
  if (parent?.type === 'CallExpression' && parent.callee === fn) return true;
  return parent?.type === 'MemberExpression' && grandparent?.type === 'CallExpression' && grandparent.callee === parent;
}

function within(node: AnyNode, outer: AnyNode): boolean {
  return node.start >= outer.start && node.end <= outer.end;
}

function judge(node: Identifier, declarations: Declaration[], report: Report): void {
  const usable = (d: Declaration) => d.kind === 'param' || (d.ready <= node.start && (d.guard === null || within(node, d.guard)));
  if (declarations.some(usable)) return;
  const what = declarations[0]!.kind === 'function' ? 'function' : 'var';
  if (declarations.some((d) => d.ready <= node.start)) {
    report(node, 'branch-declaration', `${what} ${node.name} is declared only inside a branch that may not have run: Espruino declares it when that line runs`);
  } else {
    report(node, 'use-before-declaration', `${what} ${node.name} is used before its declaration has run: Espruino does not hoist`);
  }
}

export function checkHoisting(ast: Program, report: Report): void {
  const scopes = collect(ast, report);
  walk.ancestor(ast, {
    Identifier(node, _state, ancestors) {
      const parent = ancestors[ancestors.length - 2];
      if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return;
      for (let i = ancestors.length - 2; i >= 0; i--) {
        const scope = ancestors[i]!;
        if (scope.type === 'CatchClause' && scope.param?.type === 'Identifier' && scope.param.name === node.name) return;
        if (!isScope(scope)) continue;
        const declarations = scopes.get(scope)?.get(node.name);
        if (declarations) return judge(node, declarations, report);
        if (!runsOnTheSpot(scope, ancestors[i - 1], ancestors[i - 2])) return;
      }
    },
  });
}
