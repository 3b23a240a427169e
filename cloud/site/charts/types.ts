/** One named line or set of bars, a value per category. */
export interface ChartSeries {
  name: string;
  values: readonly number[];
}

export interface ChartProps {
  /** Prefix for element ids, unique on the page. */
  id: string;
  title: string;
  /** Category (x axis) labels, e.g. days. */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Heading of the category column in the data table. */
  categoryHeading: string;
  /** Summary text of the collapsible data table, the chart's text alternative. */
  tableLabel: string;
  /** Formats axis ticks and table cells (money, counts); plain numbers without it. */
  format?: (value: number) => string;
  /** Values are counts: grid lines only on whole numbers. */
  integer?: boolean;
  width?: number;
  height?: number;
}
