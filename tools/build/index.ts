export { buildBoard, type BoardBuild } from './build-board.ts';
export { bundle } from './bundle.ts';
export { BuildError, type BuildErrorCode } from './errors.ts';
export { checkEs5, formatFinding, type Finding, type RuleId } from './es5-check/index.ts';
export { minifyForEspruino, type EspruinoOutput } from './espruino-tools.ts';
export { hoistFunctions } from './hoist-functions.ts';
export { lowerToEs5 } from './lower.ts';
export { formatSizeTable, type SizeReport } from './size-report.ts';
export { boards, buildTarget, espruinoModules, findBoard, type BuildTarget } from './targets.ts';
