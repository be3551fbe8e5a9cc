import { DateTime } from 'luxon';

const spans = new Map<string, { year: number; from: number; to: number }>();

/** The calendar year of `at` in `zone` (ticket numbers restart each local year); the last year's bounds are memoised per zone. */
export function localYear(zone: string, at: Date): number {
  const t = at.getTime();
  const known = spans.get(zone);
  if (known && t >= known.from && t < known.to) return known.year;
  const local = DateTime.fromMillis(t, { zone });
  const start = local.startOf('year');
  const span = { year: local.year, from: start.toMillis(), to: start.plus({ years: 1 }).toMillis() };
  spans.set(zone, span);
  return span.year;
}
