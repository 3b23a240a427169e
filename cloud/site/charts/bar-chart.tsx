import { Axes } from './axes.tsx';
import { ChartFigure } from './figure.tsx';
import { seriesColor } from './palette.ts';
import { chartFrame, niceAxis, px, yOf } from './scale.ts';
import type { ChartProps } from './types.ts';

/** Grouped bars: one group per category, one bar per series, drawn on the server as plain SVG. */
export function BarChart(props: ChartProps) {
  const format = props.format ?? String;
  const frame = chartFrame(props.width ?? 720, props.height ?? 260);
  const axis = niceAxis(props.series.flatMap((s) => s.values), 4, props.integer);
  const slot = (frame.right - frame.left) / Math.max(1, props.labels.length);
  const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, props.series.length));
  const centres = props.labels.map((_, i) => frame.left + slot * (i + 0.5));
  return (
    <ChartFigure chart={props} format={format}>
      <svg class="chart-svg" viewBox={`0 0 ${frame.width} ${frame.height}`} width="100%" role="img" aria-label={props.title} focusable="false">
        <Axes frame={frame} axis={axis} labels={props.labels} centres={centres} format={format} />
        {props.series.map((s, si) => (
          <g class="chart-series" fill={seriesColor(si)}>
            {props.labels.map((label, i) => {
              const value = s.values[i] ?? 0;
              const top = yOf(frame, axis, value);
              const x = frame.left + slot * i + slot * 0.1 + barWidth * si;
              return (
                <rect class="chart-bar" x={px(x)} y={px(top)} width={px(barWidth)} height={px(frame.bottom - top)}>
                  <title>{`${s.name}, ${label}: ${format(value)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFigure>
  );
}
