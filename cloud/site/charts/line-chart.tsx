import { Axes } from './axes.tsx';
import { ChartFigure } from './figure.tsx';
import { seriesColor } from './palette.ts';
import { chartFrame, niceAxis, px, yOf } from './scale.ts';
import type { ChartProps } from './types.ts';

/** One polyline per series with a marker on each point; a single day still shows as a dot. */
export function LineChart(props: ChartProps) {
  const format = props.format ?? String;
  const frame = chartFrame(props.width ?? 720, props.height ?? 260);
  const axis = niceAxis(props.series.flatMap((s) => s.values), 4, props.integer);
  const slot = (frame.right - frame.left) / Math.max(1, props.labels.length);
  const centres = props.labels.map((_, i) => frame.left + slot * (i + 0.5));
  return (
    <ChartFigure chart={props} format={format}>
      <svg class="chart-svg" viewBox={`0 0 ${frame.width} ${frame.height}`} width="100%" role="img" aria-label={props.title} focusable="false">
        <Axes frame={frame} axis={axis} labels={props.labels} centres={centres} format={format} />
        {props.series.map((s, si) => {
          const points = props.labels.map((_, i) => [centres[i] ?? 0, yOf(frame, axis, s.values[i] ?? 0)] as const);
          const color = seriesColor(si);
          return (
            <g class="chart-series">
              <polyline class="chart-line" fill="none" stroke={color} stroke-width="2" points={points.map(([x, y]) => `${px(x)},${px(y)}`).join(' ')} />
              {points.map(([x, y], i) => (
                <circle class="chart-point" cx={px(x)} cy={px(y)} r="3" fill={color}>
                  <title>{`${s.name}, ${props.labels[i] ?? ''}: ${format(s.values[i] ?? 0)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
