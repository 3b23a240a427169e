import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BarChart, LineChart } from '../../../../cloud/site/charts/index.ts';
import type { ChartProps } from '../../../../cloud/site/charts/index.ts';

const props: ChartProps = {
  id: 'daily',
  title: 'Net per day',
  labels: ['2026-11-01', '2026-11-02', '2026-11-03'],
  series: [
    { name: 'Main Street', values: [1000, 0, 250] },
    { name: 'Harbour <Mall>', values: [500, 750, 0] },
  ],
  categoryHeading: 'Day',
  tableLabel: 'Show the numbers',
  format: (v) => (v / 100).toFixed(2),
};

async function render(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

const bar = suite('BarChart');

bar('draws one bar per series and day, scaled to a round axis', async () => {
  const html = await render(BarChart(props));
  assert.is(count(html, /<rect class="chart-bar"/g), 6);
  assert.match(html, /viewBox="0 0 720 260"/);
  assert.match(html, />10.00<\/text>/, 'the top tick is the rounded maximum');
  assert.match(html, /<title>Main Street, 2026-11-01: 10.00<\/title>/);
});

bar('labels the SVG as an image named by the title and escapes series names', async () => {
  const html = await render(BarChart(props));
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-label="Net per day"/);
  assert.match(html, /Harbour &lt;Mall&gt;/);
  assert.not.match(html, /Harbour <Mall>/);
});

bar('offers the same numbers as a data table with row and column headers', async () => {
  const html = await render(BarChart(props));
  assert.match(html, /<summary>Show the numbers<\/summary>/);
  assert.match(html, /<th scope="col">Day<\/th><th scope="col">Main Street<\/th>/);
  assert.match(html, /<th scope="row">2026-11-02<\/th><td class="num">0.00<\/td><td class="num">7.50<\/td>/);
});

bar('shows a legend only when there is more than one series', async () => {
  assert.match(await render(BarChart(props)), /class="chart-legend"/);
  const single = { ...props, series: [props.series[0]!] };
  assert.not.match(await render(BarChart(single)), /class="chart-legend"/);
});

bar.run();

const line = suite('LineChart');

line('draws a polyline per series through one point per day', async () => {
  const html = await render(LineChart(props));
  assert.is(count(html, /<polyline class="chart-line"/g), 2);
  assert.is(count(html, /<circle class="chart-point"/g), 6);
  const points = /points="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
  assert.is(points.length, 3);
});

line('places a zero on the baseline and the maximum at the top of the plot', async () => {
  const html = await render(LineChart({ ...props, series: [{ name: 'Count', values: [0, 4, 2] }], format: undefined }));
  const points = (/points="([^"]+)"/.exec(html)?.[1] ?? '').split(' ').map((p) => Number(p.split(',')[1]));
  assert.equal(points, [220, 12, 116]);
});

line.run();
