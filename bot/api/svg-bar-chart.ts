/**
 * Bar charts as SVG markup, drawn on the server for the dashboard tab (no charting code in the tab's
 * bundle). Colours come from CSS classes (`series-0`..`series-3`) the tab styles for light and dark
 * themes; text uses currentColor. Each chart is an image with a title; the tab prints its numbers below.
 */

export interface ChartSeries {
  label: string;
  /** One value per category; null draws nothing. */
  values: Array<number | null>;
}

export interface BarChart {
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** The axis maximum (at least the largest bar). */
  max: number;
  /** Formats axis ticks ("50%", "8 h"). */
  tick: (value: number) => string;
  /** Stacked bars (one per category) instead of side by side. */
  stacked?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 10) / 10);

function legend(series: ChartSeries[], y: number): string {
  let x = 0;
  return series
    .map((s, i) => {
      const item = `<rect class="series-${i}" x="${x}" y="${y - 9}" width="10" height="10"/><text x="${x + 14}" y="${y}" font-size="12">${esc(s.label)}</text>`;
      x += 24 + s.label.length * 7;
      return item;
    })
    .join('');
}

function frame(chart: BarChart, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${chart.id}-title" preserveAspectRatio="xMinYMin meet"><title id="${chart.id}-title">${esc(chart.title)}</title><g fill="currentColor" font-family="Segoe UI, sans-serif">${legend(chart.series, 14)}</g>${body}</svg>`;
}

/** Columns per category (months, age buckets), grouped or stacked, with a value axis on the left. */
export function columnChart(chart: BarChart): string {
  const width = 600;
  const height = 250;
  const left = 44;
  const top = 30;
  const bottom = 36;
  const plotH = height - top - bottom;
  const plotW = width - left - 8;
  const max = chart.max > 0 ? chart.max : 1;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    parts.push(
      `<line class="grid" x1="${left}" x2="${width - 8}" y1="${num(y(v))}" y2="${num(y(v))}"/><text x="${left - 4}" y="${num(y(v) + 4)}" text-anchor="end" font-size="11">${esc(chart.tick(v))}</text>`,
    );
  }
  const slot = plotW / Math.max(1, chart.categories.length);
  const barW = chart.stacked ? slot * 0.6 : (slot * 0.8) / Math.max(1, chart.series.length);
  chart.categories.forEach((category, c) => {
    const x0 = left + c * slot + (chart.stacked ? slot * 0.2 : slot * 0.1);
    let base = 0;
    chart.series.forEach((s, i) => {
      const v = s.values[c];
      if (v === null || v === undefined) return;
      const x = chart.stacked ? x0 : x0 + i * barW;
      const from = chart.stacked ? base : 0;
      const h = (v / max) * plotH;
      if (h > 0)
        parts.push(
          `<rect class="series-${i}" x="${num(x)}" y="${num(y(from + v))}" width="${num(Math.max(1, barW - 1))}" height="${num(h)}"><title>${esc(`${category}, ${s.label}: ${chart.tick(v)}`)}</title></rect>`,
        );
      if (chart.stacked) base += v;
    });
    parts.push(
      `<text x="${num(left + c * slot + slot / 2)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${esc(category)}</text>`,
    );
  });
  return frame(chart, width, height, `<g fill="currentColor" font-family="Segoe UI, sans-serif">${parts.join('')}</g>`);
}

/** Horizontal bars per category (consultants, clients): long names stay readable on narrow tabs. */
export function barChart(chart: BarChart): string {
  const width = 600;
  const rowH = chart.stacked ? 26 : 12 * chart.series.length + 14;
  const top = 30;
  const height = top + rowH * Math.max(1, chart.categories.length) + 20;
  const left = 150;
  const plotW = width - left - 50;
  const max = chart.max > 0 ? chart.max : 1;
  const parts: string[] = [];
  chart.categories.forEach((category, c) => {
    const y0 = top + c * rowH;
    parts.push(
      `<text x="${left - 6}" y="${y0 + rowH / 2 + 4}" text-anchor="end" font-size="12">${esc(category.length > 22 ? `${category.slice(0, 21)}…` : category)}</text>`,
    );
    let base = 0;
    chart.series.forEach((s, i) => {
      const v = s.values[c];
      if (v === null || v === undefined) return;
      const w = (v / max) * plotW;
      const x = left + (chart.stacked ? (base / max) * plotW : 0);
      const y = chart.stacked ? y0 + 4 : y0 + 4 + i * 12;
      const h = chart.stacked ? rowH - 8 : 10;
      if (w > 0)
        parts.push(
          `<rect class="series-${i}" x="${num(x)}" y="${y}" width="${num(w)}" height="${h}"><title>${esc(`${category}, ${s.label}: ${chart.tick(v)}`)}</title></rect>`,
        );
      if (chart.stacked) base += v;
      else parts.push(`<text x="${num(x + w + 4)}" y="${y + 9}" font-size="10">${esc(chart.tick(v))}</text>`);
    });
    if (chart.stacked)
      parts.push(
        `<text x="${num(left + (base / max) * plotW + 4)}" y="${y0 + rowH / 2 + 4}" font-size="11">${esc(chart.tick(base))}</text>`,
      );
  });
  parts.push(`<line class="grid" x1="${left}" x2="${left}" y1="${top}" y2="${height - 20}"/>`);
  return frame(chart, width, height, `<g fill="currentColor" font-family="Segoe UI, sans-serif">${parts.join('')}</g>`);
}
