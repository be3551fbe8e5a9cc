import { ValidationError } from './errors';

/**
 * The one input-check module: every service, the domain's own constructors and the edges' schemas
 * check text, numbers, instants, choices and email addresses here (argument order: field first).
 */

/**
 * What Soporte accepts as an email address: local@domain.tld with none of the characters that end an
 * address in a header (whitespace, `<>(),;:"[]`). The API and card schemas use it through `z.email({ pattern })`.
 */
export const EMAIL_PATTERN = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/** A trimmed, lower-cased email address; ValidationError naming `field` otherwise. */
export function requireEmail(field: string, value: unknown): string {
  if (typeof value !== 'string' || !isEmailAddress(value))
    throw new ValidationError(field, `"${String(value)}" is not an email address`);
  return value.trim().toLowerCase();
}

/** Non-empty trimmed text of at most `max` characters. */
export function requireText(field: string, value: unknown, max = 10_000): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'is required');
  const text = value.trim();
  if (text.length > max) throw new ValidationError(field, `is longer than ${max} characters`);
  return text;
}

/** Optional text: undefined stays undefined, anything else must pass requireText. */
export function optionalText(field: string, value: unknown, max = 10_000): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : requireText(field, value, max);
}

/** An integer in [min, max]. */
export function requireInteger(field: string, value: unknown, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a whole number from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

/** An instant (Date or ISO-8601 string with a zone or offset) as a UTC ISO string. */
export function requireInstant(field: string, value: unknown): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())
        ? new Date(value.trim())
        : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new ValidationError(field, `"${String(value)}" is not an ISO-8601 instant with a zone (e.g. 2026-03-02T18:00:00Z)`);
  return date.toISOString();
}

/** One of `allowed`. */
export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')} (got "${String(value)}")`);
  }
  return value as T;
}
