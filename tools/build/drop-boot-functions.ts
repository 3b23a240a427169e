import { parse, type AnyNode, type FunctionDeclaration, type FunctionExpression, type Identifier, type Node } from 'acorn';
import * as walk from 'acorn-walk';
import { wrapperOf } from './flatten.ts';

// A function declared at the bundle's top level costs about 5 JsVars for as long as its name is bound, even when
// nothing calls it after boot (the factories that build the session handlers, the log opener, the boot banner).
// This pass finds the top-level functions that can only ever run during boot and deletes their names once the
// bundle's top-level code has run, so the interpreter frees them; the closures they built live on.
//
// Boot context: the wrapper's own statements, and the own statements (not nested functions) of a function whose
// every reference is a call from boot context. A nested function may run at any later time, so a reference from
// one, or any use as a value (passed, stored, compared), keeps the name. The largest such set is found by
// removing offenders until none is left.

interface Reference {
  name: string;
  /** A call or `new` whose callee is this identifier. */
  called: boolean;
  /** The innermost function around the reference: the wrapper itself or a function inside it. */
  within: Node;
}

function references(wrapper: FunctionExpression, names: Set<string>): Reference[] | undefined {
  const found: Reference[] = [];
  let unsafe = false;
  walk.ancestor(wrapper.body, {
    Identifier(node: Identifier, _state: unknown, ancestors: AnyNode[]) {
      if (node.name === 'eval') unsafe = true;
      if (!names.has(node.name)) return;
      const parent = ancestors[ancestors.length - 2];
      const called = parent !== undefined && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node;
      let within: Node = wrapper;
      for (let i = ancestors.length - 2; i >= 0; i--) {
        const a = ancestors[i]!;
        if (a.type === 'FunctionDeclaration' || a.type === 'FunctionExpression') {
          within = a;
          break;
        }
      }
      found.push({ name: node.name, called, within });
    },
    WithStatement() {
      unsafe = true;
    },
  });
  return unsafe ? undefined : found;
}

/** Names of the wrapper's top-level functions that only boot code calls. */
export function bootOnlyFunctions(code: string): string[] {
  const wrapper = wrapperOf(parse(code, { ecmaVersion: 5, sourceType: 'script' }));
  if (wrapper === undefined) return [];
  const declared = new Map<string, FunctionDeclaration>();
  const counts = new Map<string, number>();
  walk.simple(wrapper.body, {
    VariableDeclarator(node) {
      if (node.id.type === 'Identifier') counts.set(node.id.name, (counts.get(node.id.name) ?? 0) + 1);
    },
  });
  for (const statement of wrapper.body.body) {
    if (statement.type === 'FunctionDeclaration') {
      counts.set(statement.id.name, (counts.get(statement.id.name) ?? 0) + 1);
      declared.set(statement.id.name, statement);
    }
  }
  // A name declared twice anywhere in the wrapper (a var or a nested function of the same name) is left alone.
  const candidates = new Set([...declared.keys()].filter((name) => counts.get(name) === 1));
  const refs = references(wrapper, candidates);
  if (refs === undefined) return [];
  for (let changed = true; changed;) {
    changed = false;
    for (const ref of refs) {
      if (!candidates.has(ref.name)) continue;
      const fromBoot = ref.within === wrapper || [...candidates].some((name) => declared.get(name) === ref.within);
      if (!ref.called || !fromBoot) {
        candidates.delete(ref.name);
        changed = true;
      }
    }
  }
  return [...candidates];
}

/** Appends `delete name;` for every boot-only function as the wrapper's last statements. */
export function dropBootFunctions(code: string): string {
  const names = bootOnlyFunctions(code);
  if (names.length === 0) return code;
  const wrapper = wrapperOf(parse(code, { ecmaVersion: 5, sourceType: 'script' }))!;
  const at = wrapper.body.end - 1;
  const drop = '    // Run only during boot: deleting the names lets the interpreter free them.\n' +
    names.map((name) => `    delete ${name};\n`).join('');
  return `${code.slice(0, at)}${drop}${code.slice(at)}`;
}
