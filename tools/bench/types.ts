/** One row of the benchmark table; `key` is the name recorded in bench-results.json. */
export interface BenchFigure {
  key: string;
  value: number;
  unit: string;
  /** The figure this one should be read against, measured in the same run. */
  baseline?: string;
  spread?: number;
}
