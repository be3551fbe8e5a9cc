/**
 * Reads a Retry-After header: delta-seconds ("5", or fractional as Graph's throttling sample shows,
 * "2.128") or an HTTP-date ("Wed, 25 Nov 2026 16:40:00 GMT"). Returns the milliseconds to wait from
 * `nowMs`, rounded up (a retry a moment early is throttled again; never negative), or undefined when
 * absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
