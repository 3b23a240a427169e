import type { AnyNode, Expression, MemberExpression, PrivateIdentifier, Program, Super } from 'acorn';
import * as walk from 'acorn-walk';
import {
  builtinConstructors, inheritedFromObject, iteratorMethods, missingGlobals, missingMethods, missingStatics,
  spreadHelpers,
} from './denylist.ts';
import type { Report } from './types.ts';

function propertyName(node: MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function identifierName(node: Expression | Super | PrivateIdentifier): string | undefined {
  return node.type === 'Identifier' ? node.name : undefined;
}

/** Every name the file declares anywhere: a local `Map` or `name` is then not the missing global. */
function declaredNames(ast: Program): { all: Set<string>; functions: Set<string> } {
  const all = new Set<string>();
  const functions = new Set<string>();
  walk.simple(ast, {
    VariableDeclarator(node) {
      if (node.id.type === 'Identifier') all.add(node.id.name);
    },
    Function(node) {
      for (const param of node.params) if (param.type === 'Identifier') all.add(param.name);
      if (node.id) (node.type === 'FunctionDeclaration' ? functions : all).add(node.id.name);
    },
    CatchClause(node) {
      if (node.param?.type === 'Identifier') all.add(node.param.name);
    },
  });
  for (const name of functions) all.add(name);
  return { all, functions };
}

/** Built-ins read off `.prototype`, missing globals, statics and methods, `fn.name`, TS's spread helper. */
export function checkNames(ast: Program, report: Report): void {
  const declared = declaredNames(ast);
  walk.ancestor(ast, {
    Identifier(node, _state, ancestors) {
      const parent = ancestors[ancestors.length - 2];
      if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return;
      if (missingGlobals.has(node.name) && !declared.all.has(node.name)) {
        report(node, 'missing-global', `${node.name} does not exist on Espruino`);
      }
      if (spreadHelpers.has(node.name)) {
        report(node, 'spread-helper', `${node.name} (TypeScript's array spread) reads Array.prototype.slice, undefined on Espruino: copy with a loop or [].concat`);
      }
    },
    MemberExpression(node, _state, ancestors) {
      checkMember(node, ancestors, declared.functions, report);
    },
  });
}

function isAssignmentTarget(node: AnyNode, ancestors: AnyNode[]): boolean {
  const parent = ancestors[ancestors.length - 2];
  return parent?.type === 'AssignmentExpression' && parent.left === node;
}

function checkMember(node: MemberExpression, ancestors: AnyNode[], functions: Set<string>, report: Report): void {
  const name = propertyName(node);
  if (name === undefined) return;
  const object = node.object;
  const objectName = identifierName(object);
  const parent = ancestors[ancestors.length - 2];
  const isCallee = parent?.type === 'CallExpression' && parent.callee === node;

  if (object.type === 'MemberExpression' && propertyName(object) === 'prototype') {
    const owner = identifierName(object.object);
    if (owner !== undefined && builtinConstructors.has(owner) && !inheritedFromObject.has(name) && !isAssignmentTarget(node, ancestors)) {
      const fix = owner === 'Object' ? 'it does not exist there' : `read it off an instance (${owner === 'Array' ? '[]' : `a ${owner}`}.${name})`;
      report(node, 'builtin-prototype', `${owner}.prototype.${name} is undefined on Espruino: ${fix}`);
    }
  }
  if (objectName !== undefined && missingStatics[objectName]?.includes(name)) {
    report(node, 'missing-static', `${objectName}.${name} does not exist on Espruino`);
  }
  if (isCallee && missingMethods.has(name)) {
    report(node, 'missing-method', `.${name}() does not exist on Espruino arrays/promises`);
  }
  if (isCallee && iteratorMethods.has(name) && objectName !== 'Object') {
    report(node, 'missing-method', `.${name}() iterators do not exist on Espruino (Object.${name}(o) does)`);
  }
  if (name === 'name' && !isAssignmentTarget(node, ancestors)) {
    const isFunction = object.type === 'FunctionExpression'
      || (objectName !== undefined && functions.has(objectName))
      || (object.type === 'MemberExpression' && propertyName(object) === 'constructor');
    if (isFunction) report(node, 'function-name', 'a function\'s .name is null on Espruino: store the name as a string');
  }
}
