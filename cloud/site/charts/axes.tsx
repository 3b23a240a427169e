import type { Axis, Frame } from './scale.ts';
import { labelStride, yOf } from './scale.ts';

interface AxesProps {
  frame: Frame;
  axis: Axis;
  labels: readonly string[];
  /** x of each category's centre. */
  centres: readonly number[];
  format: (value: number) => string;
}

/** Grid lines with value labels on the left and category labels below the plot. */
export function Axes({ frame, axis, labels, centres, format }: AxesProps) {
  const stride = labelStride(labels.length, frame.right - frame.left);
  return (
    <g class="chart-axes" aria-hidden="true" font-size="11" fill="#333">
      {axis.ticks.map((tick) => {
        const y = yOf(frame, axis, tick);
        return (
          <g>
            <line x1={frame.left} x2={frame.right} y1={y} y2={y} stroke="#d0d4d9" stroke-width="1" />
            <text x={frame.left - 6} y={y + 4} text-anchor="end">{format(tick)}</text>
          </g>
        );
      })}
      {labels.map((label, i) =>
        i % stride === 0 ? (
          <text x={centres[i] ?? frame.left} y={frame.bottom + 16} text-anchor="middle">{label}</text>
        ) : null,
      )}
      <line x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} stroke="#555" stroke-width="1" />
    </g>
  );
}
