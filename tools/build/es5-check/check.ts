import { parse, type Node, type Program } from 'acorn';
import { checkHoisting } from './rules-hoisting.ts';
import { checkNames } from './rules-names.ts';
import { checkStatements } from './rules-statements.ts';
import type { Finding, Report } from './types.ts';

const excerptWidth = 100;

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function locate(code: string, starts: number[], offset: number): Pick<Finding, 'line' | 'column' | 'excerpt'> {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  const start = starts[lo]!;
  const end = lo + 1 < starts.length ? starts[lo + 1]! - 1 : code.length;
  const column = offset - start;
  const from = Math.max(start, offset - excerptWidth / 2);
  const text = code.slice(from, Math.min(end, from + excerptWidth)).trim();
  return { line: lo + 1, column: column + 1, excerpt: text };
}

/**
 * Checks a bundle against what the Espruino interpreter runs: strict ES5 syntax, plus the rules of
 * docs/firmware-build.md (no hoisting, no built-ins read off `.prototype`, no missing built-ins, …).
 * Returns every finding, in source order; an empty list means the code passed.
 */
export function checkEs5(code: string): Finding[] {
  const starts = lineStarts(code);
  const findings: Finding[] = [];
  const report: Report = (node: Node | number, rule, message) => {
    const offset = typeof node === 'number' ? node : node.start;
    findings.push({ rule, message, ...locate(code, starts, offset) });
  };
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script' });
  } catch (err) {
    const pos = (err as { pos?: number }).pos ?? 0;
    const message = err instanceof Error ? err.message.replace(/ \(\d+:\d+\)$/, '') : String(err);
    report(pos, 'es5-syntax', `not ES5: ${message}`);
  }
  let ast: Program;
  try {
    // The remaining rules also run on code that failed the ES5 parse, so one build shows every problem.
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch {
    return findings;
  }
  checkHoisting(ast, report);
  checkNames(ast, report);
  checkStatements(ast, report);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `file:line:col rule message` then the excerpt, as compilers print. */
export function formatFinding(file: string, finding: Finding): string {
  return `${file}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}\n    ${finding.excerpt}`;
}
