import { randomBytes, randomUUID } from 'node:crypto';

/** An Exchange-looking item id: "AAMk" + URL-safe base64 (no padding, so it needs no escaping). */
export function exchangeId(prefix = 'AAMk'): string {
  return prefix + randomBytes(30).toString('base64url');
}

export function guid(): string {
  return randomUUID();
}

/** An ISO instant without milliseconds, the way Graph writes them ("2026-11-25T16:40:00Z"). */
export function graphInstant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
