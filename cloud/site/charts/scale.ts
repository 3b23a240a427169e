/** Vertical axis for a chart: a round top value and the grid lines under it. */
export interface Axis {
  max: number;
  ticks: number[];
}

/**
 * Rounds the largest value up to 1, 2 or 5 × 10^n so grid lines fall on numbers a reader can compare at a
 * glance; an all-zero (or negative-only) series still gets a 0..1 axis so bars have somewhere to sit.
 */
export function niceAxis(values: readonly number[], tickCount = 4, integer = false): Axis {
  const largest = values.reduce((m, v) => (v > m ? v : m), 0);
  if (largest <= 0) return { max: 1, ticks: [0, 1] };
  // Counts have no half payments: their grid lines stay on whole numbers.
  const rawStep = integer ? Math.max(1, largest / tickCount) : largest / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rawStep) ?? 10 * magnitude;
  const max = Math.ceil(largest / step) * step;
  const ticks: number[] = [];
  for (let i = 0; i <= Math.round(max / step); i++) ticks.push(i * step);
  return { max, ticks };
}

/** Plot area inside the SVG, leaving room on the left for tick labels and below for category labels. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function chartFrame(width: number, height: number): Frame {
  return { width, height, left: 64, top: 12, right: width - 12, bottom: height - 40 };
}

/** The y coordinate of a value on the axis. */
export function yOf(frame: Frame, axis: Axis, value: number): number {
  const clamped = value < 0 ? 0 : value;
  return frame.bottom - ((frame.bottom - frame.top) * clamped) / axis.max;
}

/** Shows every label when they fit, else every n-th, so 90 days of dates do not overlap. */
export function labelStride(count: number, plotWidth: number, labelWidth = 56): number {
  const fits = Math.max(1, Math.floor(plotWidth / labelWidth));
  return Math.max(1, Math.ceil(count / fits));
}

/** One decimal is finer than a pixel and keeps the SVG short. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}
