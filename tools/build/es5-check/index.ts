export { checkEs5, formatFinding } from './check.ts';
export type { Finding, RuleId } from './types.ts';
