const MS_PER_DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight standing for the civil date "YYYY-MM-DD", or null when it is no real date. */
export function parseCivilDate(value: unknown): number | null {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

/** "YYYY-MM-DD" of the civil date whose UTC midnight is `dayMs`. */
export function formatCivilDate(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday, for the civil date whose UTC midnight is `dayMs`. */
export function weekdayIndex(dayMs: number): number {
  return (new Date(dayMs).getUTCDay() + 6) % 7;
}

export { MS_PER_DAY };
