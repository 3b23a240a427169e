import type { Node } from 'acorn';

export type RuleId =
  | 'es5-syntax'
  | 'function-position'
  | 'use-before-declaration'
  | 'branch-declaration'
  | 'builtin-prototype'
  | 'missing-global'
  | 'missing-static'
  | 'missing-method'
  | 'function-name'
  | 'spread-helper'
  | 'length-assign'
  | 'label';

export interface Finding {
  rule: RuleId;
  message: string;
  /** 1-based, as editors count. */
  line: number;
  /** 1-based. */
  column: number;
  /** The offending source line, trimmed and cut near the column. */
  excerpt: string;
}

/** Each rule reports through this; the checker turns the node's offset into line, column and excerpt. */
export type Report = (node: Node | number, rule: RuleId, message: string) => void;
