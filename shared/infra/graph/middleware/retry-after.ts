/**
 * Reads a Retry-After header: either delta-seconds ("5") or an HTTP-date ("Wed, 25 Nov 2026 16:40:00 GMT").
 * Returns milliseconds to wait from `nowMs` (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
