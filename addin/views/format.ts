import { t } from '../../shared/domain/i18n';
import type { Locale } from '../../shared/domain/ticket';

/** 135 -> "2 h 15 min"; absolute value (the caller says whether it is left or over). */
export function formatMinutes(locale: Locale, minutes: number): string {
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  return hours > 0
    ? t(locale, 'addin.duration.hm', { hours, minutes: total % 60 })
    : t(locale, 'addin.duration.m', { minutes: total });
}

/** An instant in the reader's language (and the browser's time zone unless one is given). */
export function formatInstant(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}
