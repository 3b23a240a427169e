/**
 * Series colours, each with at least 3:1 contrast against the white page (WCAG 1.4.11 for graphics) and told
 * apart by the legend and data table as well, never by colour alone.
 */
export const PALETTE = ['#1f5fa8', '#b2490d', '#2e7d32', '#7b3fa0', '#a3123a', '#00695c', '#5d4037', '#37474f'] as const;

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}
