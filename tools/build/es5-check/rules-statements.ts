import type { Program } from 'acorn';
import * as walk from 'acorn-walk';
import type { Report } from './types.ts';

/** Labels fail to parse on Espruino; assigning `.length` throws there (`arr.length = 0`). */
export function checkStatements(ast: Program, report: Report): void {
  walk.simple(ast, {
    LabeledStatement(node) {
      report(node, 'label', `label "${node.label.name}:" is not supported by Espruino: use a flag or a function`);
    },
    AssignmentExpression(node) {
      const left = node.left;
      if (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' && left.property.name === 'length') {
        report(node, 'length-assign', 'assigning .length throws on Espruino: use splice(0) to empty an array');
      }
    },
  });
}
