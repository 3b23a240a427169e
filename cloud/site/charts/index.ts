export { BarChart } from './bar-chart.tsx';
export { LineChart } from './line-chart.tsx';
export { niceAxis } from './scale.ts';
export type { Axis } from './scale.ts';
export type { ChartProps, ChartSeries } from './types.ts';
