import { parse, type AnyNode, type Identifier, type Node, type ObjectExpression, type Property, type VariableDeclaration, type VariableDeclarator } from 'acorn';
import * as walk from 'acorn-walk';

// esbuild keeps `ERR.BAD_LENGTH` as a property read of a shipped object: it does not fold constants across
// modules. On the box each such object costs flash (its keys survive minification), RAM (two JsVars per
// property) and a scope lookup per read. This pass replaces reads of never-written constants by their literal
// and drops what is left unused. It runs on the ES5 output, before the checker.

interface Edit { start: number; end: number; text: string }

/** Where a constant is read; `memberObject` when the read is itself the object of a member access. */
interface ReadSite { start: number; end: number; memberObject: boolean }

/** A `var` whose value is a literal, or an object literal of literals, declared in a statement list. */
interface Candidate {
  declaration: VariableDeclaration;
  declarator: VariableDeclarator;
  /** Property name → its Property node; undefined for a scalar. */
  props: Map<string, Property> | undefined;
  /** Property name ('' for a scalar) → where it is read. */
  reads: Map<string, ReadSite[]>;
  /** Read as a whole object, written, or otherwise not a plain property read: keep as it is. */
  unsafe: boolean;
}

function isLiteral(node: AnyNode): boolean {
  if (node.type === 'Literal') return typeof node.value === 'number' || typeof node.value === 'string';
  return node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number';
}

function keyName(prop: Property): string | undefined {
  if (prop.computed || prop.kind !== 'init' || prop.method || prop.shorthand) return undefined;
  if (prop.key.type === 'Identifier') return prop.key.name;
  return prop.key.type === 'Literal' && typeof prop.key.value === 'string' ? prop.key.value : undefined;
}

/** The literal properties of an object literal, or undefined when any property is something else. */
function literalProps(object: ObjectExpression): Map<string, Property> | undefined {
  const props = new Map<string, Property>();
  for (const prop of object.properties) {
    if (prop.type !== 'Property') return undefined;
    const name = keyName(prop);
    if (name === undefined || name === '__proto__' || props.has(name) || !isLiteral(prop.value)) return undefined;
    props.set(name, prop);
  }
  return props;
}

/** Binding identifiers (declarations, parameters, catch parameters) and how often each name is declared. */
function bindings(ast: Node): { nodes: Set<Node>; counts: Map<string, number> } {
  const nodes = new Set<Node>();
  const counts = new Map<string, number>();
  const add = (pattern: Node) => walk.full(pattern, (n) => {
    if (n.type !== 'Identifier') return;
    nodes.add(n);
    counts.set((n as Identifier).name, (counts.get((n as Identifier).name) ?? 0) + 1);
  });
  walk.full(ast, (node) => {
    if (node.type === 'VariableDeclarator') add(node.id);
    else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      if (node.id) add(node.id);
      for (const param of node.params) add(param);
    } else if (node.type === 'CatchClause' && node.param) add(node.param);
    else if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.id) add(node.id);
  });
  return { nodes, counts };
}

function candidates(ast: Node, counts: Map<string, number>): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  walk.fullAncestor(ast, (node, _state, ancestors) => {
    if (node.type !== 'VariableDeclaration') return;
    // Only in a program or function body: a `var` in a branch may never run, and inlining would change that.
    const parent = ancestors[ancestors.length - 2];
    const holder = ancestors[ancestors.length - 3] as AnyNode | undefined;
    const functionBody = parent?.type === 'BlockStatement' && holder !== undefined && /Function/.test(holder.type);
    if (parent?.type !== 'Program' && !functionBody) return;
    for (const declarator of node.declarations) {
      if (declarator.id.type !== 'Identifier' || !declarator.init || counts.get(declarator.id.name) !== 1) continue;
      const init = declarator.init;
      const props = init.type === 'ObjectExpression' ? literalProps(init) : undefined;
      if (!isLiteral(init) && props === undefined) continue;
      found.set(declarator.id.name, { declaration: node, declarator, props, reads: new Map(), unsafe: false });
    }
  });
  return found;
}

function isWriteOrCall(target: Node, parent: AnyNode | undefined): boolean {
  if (parent === undefined) return false;
  if (parent.type === 'AssignmentExpression') return parent.left === target;
  if (parent.type === 'UpdateExpression') return true;
  if (parent.type === 'UnaryExpression') return parent.operator === 'delete';
  if (parent.type === 'CallExpression' || parent.type === 'NewExpression') return parent.callee === target;
  if (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') return parent.left === target;
  return parent.type === 'Property' && parent.shorthand;
}

/** Sorts every reference of a candidate into read sites per property, or marks the candidate unsafe. */
function collectReads(ast: Node, found: Map<string, Candidate>, declared: Set<Node>): void {
  walk.fullAncestor(ast, (node, _state, ancestors) => {
    if (node.type !== 'Identifier' || declared.has(node)) return;
    const candidate = found.get((node as Identifier).name);
    if (candidate === undefined) return;
    const up = (n: number) => ancestors[ancestors.length - 1 - n] as AnyNode | undefined;
    let depth = 1;
    let key = '';
    if (candidate.props !== undefined) {
      const member = up(1);
      const ok = member?.type === 'MemberExpression' && member.object === node && !member.computed
        && member.property.type === 'Identifier' && candidate.props.has(member.property.name);
      if (!ok) { candidate.unsafe = true; return; }
      key = (member.property as Identifier).name;
      depth = 2;
    }
    const site = up(depth - 1)!;
    const parent = up(depth);
    if (isWriteOrCall(site, parent)) { candidate.unsafe = true; return; }
    const memberObject = parent?.type === 'MemberExpression' && parent.object === site;
    const list = candidate.reads.get(key) ?? [];
    list.push({ start: site.start, end: site.end, memberObject });
    candidate.reads.set(key, list);
  });
}

/** Numbers are always inlined; a string only where it is read once, so no text gets duplicated. */
function shouldInline(value: AnyNode, reads: number): boolean {
  return value.type !== 'Literal' || typeof value.value === 'number' || reads <= 1;
}

/** Replacements for one candidate; `removed` receives its declarator once nothing reads it any more. */
function candidateEdits(code: string, candidate: Candidate, removed: Set<VariableDeclarator>): Edit[] {
  const { declarator, props } = candidate;
  const values = props ?? new Map([['', declarator.init!]]);
  const edits: Edit[] = [];
  const remaining: string[] = [];
  for (const [key, node] of values) {
    const value = node.type === 'Property' ? node.value : node;
    const reads = candidate.reads.get(key) ?? [];
    if (!shouldInline(value, reads.length)) {
      remaining.push(code.slice(node.start, node.end));
      continue;
    }
    // The name stays as a comment so firmware.js still reads well; the minifier drops it.
    const text = `${code.slice(value.start, value.end)} /* ${code.slice(reads[0]?.start ?? 0, reads[0]?.end ?? 0)} */`;
    // `1.toString()` would not parse, and `a - X.N` must not become `a--1`.
    const wrap = (site: ReadSite) => (site.memberObject || value.type === 'UnaryExpression' ? `(${text})` : text);
    for (const site of reads) edits.push({ start: site.start, end: site.end, text: wrap(site) });
  }
  if (remaining.length === 0) removed.add(declarator);
  else if (props !== undefined && remaining.length < values.size) {
    edits.push({ start: declarator.init!.start, end: declarator.init!.end, text: `{ ${remaining.join(', ')} }` });
  }
  return edits;
}

/** Removes start..end, and the rest of its line(s) when nothing else stands on them. */
function wholeLines(code: string, start: number, end: number): Edit {
  const lineStart = code.lastIndexOf('\n', start - 1) + 1;
  const after = /^[ \t]*(\n|$)/.exec(code.slice(end));
  const alone = after !== null && /^[ \t]*$/.test(code.slice(lineStart, start));
  return alone ? { start: lineStart, end: end + after[0].length, text: '' } : { start, end, text: '' };
}

/** Drops removed declarators: the whole statement when none is left, else each with its comma. */
function declarationEdits(code: string, declaration: VariableDeclaration, removed: Set<VariableDeclarator>): Edit[] {
  const list = declaration.declarations;
  if (list.every((d) => removed.has(d))) return [wholeLines(code, declaration.start, declaration.end)];
  return list.flatMap((d, i) => {
    if (!removed.has(d)) return [];
    return i + 1 < list.length ? [{ start: d.start, end: list[i + 1]!.start, text: '' }] : [{ start: list[i - 1]!.end, end: d.end, text: '' }];
  });
}

function usesEvalOrWith(ast: Node): boolean {
  let found = false;
  walk.full(ast, (node) => {
    if (node.type === 'WithStatement') found = true;
    if (node.type === 'Identifier' && (node as Identifier).name === 'eval') found = true;
  });
  return found;
}

function onePass(code: string): Edit[] {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  if (usesEvalOrWith(ast)) return [];
  const { nodes, counts } = bindings(ast);
  const found = candidates(ast, counts);
  collectReads(ast, found, nodes);
  const removed = new Set<VariableDeclarator>();
  const edits: Edit[] = [];
  const declarations = new Set<VariableDeclaration>();
  for (const candidate of found.values()) {
    if (candidate.unsafe) continue;
    edits.push(...candidateEdits(code, candidate, removed));
    if (removed.has(candidate.declarator)) declarations.add(candidate.declaration);
  }
  for (const declaration of declarations) edits.push(...declarationEdits(code, declaration, removed));
  return edits;
}

/**
 * Replaces each read of a constant (a `var` holding a number or string literal, or an object literal of them,
 * declared once and never written, called, iterated or used as a whole) by its literal, and removes
 * declarations and properties nobody reads any more. Repeats until nothing changes, since `var B = A` becomes
 * a constant once A is inlined.
 */
export function inlineConstants(code: string): string {
  let out = code;
  for (let pass = 0; pass < 20; pass++) {
    const todo = onePass(out).sort((a, b) => b.start - a.start);
    if (todo.length === 0) return out;
    for (const edit of todo) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}
