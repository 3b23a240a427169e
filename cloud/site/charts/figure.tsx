import type { Child } from 'hono/jsx';
import { seriesColor } from './palette.ts';
import type { ChartProps } from './types.ts';

interface FigureProps {
  chart: ChartProps;
  format: (value: number) => string;
  children: Child;
}

/**
 * Wraps a chart's SVG with its legend and a collapsible data table: screen-reader and keyboard users read
 * the same numbers from the table that sighted users read from the bars.
 */
export function ChartFigure({ chart, format, children }: FigureProps) {
  const titleId = `${chart.id}-title`;
  return (
    <figure class="chart" id={chart.id} aria-labelledby={titleId}>
      <figcaption id={titleId}>{chart.title}</figcaption>
      {children}
      {chart.series.length > 1 ? (
        <ul class="chart-legend">
          {chart.series.map((s, i) => (
            <li>
              <svg width="12" height="12" aria-hidden="true" focusable="false"><rect width="12" height="12" fill={seriesColor(i)} /></svg> {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <details class="chart-data">
        <summary>{chart.tableLabel}</summary>
        <table>
          <caption>{chart.title}</caption>
          <thead>
            <tr>
              <th scope="col">{chart.categoryHeading}</th>
              {chart.series.map((s) => <th scope="col">{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {chart.labels.map((label, i) => (
              <tr>
                <th scope="row">{label}</th>
                {chart.series.map((s) => <td class="num">{format(s.values[i] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
