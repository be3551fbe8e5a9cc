import { DateTime } from 'luxon';
import { zoneName } from '../i18n/zone-name';
import { ValidationError } from '../common/errors';
import type { Locale } from '../ticket/ticket-types';

/**
 * `Wednesday, November 25, 2026, 14:30 (Mexico City time)` in the reader's language (the zone named in words,
 * zoneName).
 *
 * The text is exactly what luxon's `toFormat('cccc, LLLL d, yyyy, HH:mm')` (en) and
 * `toFormat("cccc d 'de' LLLL 'de' yyyy, HH:mm")` (es-MX) give, built faster: one cached
 * Intl.DateTimeFormat per zone reads the local date and time, and the day and month names come from tables
 * luxon fills once per locale. A canonical UTC instant (`Date#toISOString` form, year 1000-9999) takes
 * that path; any other text (offsets, date-only, an unknown zone) goes through luxon as before.
 */
export function formatInstant(iso: string, locale: Locale, zone: string): string {
  const ms = canonicalInstantMs(iso);
  const fields = ms === undefined ? undefined : localFields(ms, zone);
  return `${fields ? composeLocal(fields, locale) : formatWithLuxon(iso, locale, zone)} (${zoneName(zone, locale)})`;
}

/**
 * The short form operators read in tables: `lun 7 dic 2026 12:30 (hora de la Ciudad de México)` /
 * `Mon 7 Dec 2026 12:30 (Mexico City time)`; `withZone: false` leaves the zone out (a heading names it once).
 */
export function formatShortInstant(iso: string, locale: Locale, zone: string, withZone = true): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  if (!at.isValid) throw new ValidationError('instant', `"${iso}" is not an ISO instant`);
  const text = at.setZone(zone).setLocale(luxonLocale(locale)).toFormat('ccc d LLL yyyy HH:mm');
  return withZone ? `${text} (${zoneName(zone, locale)})` : text;
}

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday ... 7 = Sunday (luxon's numbering). */
  weekday: number;
}

const CANONICAL = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function canonicalInstantMs(iso: string): number | undefined {
  if (!CANONICAL.test(iso)) return undefined;
  const ms = Date.parse(iso);
  // Date.parse accepts some impossible dates (Feb 30): only a round trip proves the text canonical.
  return ms === ms && new Date(ms).toISOString() === iso ? ms : undefined;
}

/** Zone -> formatter giving numeric local fields; null for a zone Intl does not know (luxon handles it). */
const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();
/** What the en-US formatter prints: `11/25/2026, 14:30` (format() costs a fifth of formatToParts()). */
const EN_US_NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2})$/;

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = zoneFormatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      formatter = null;
    }
    if (zoneFormatters.size < 256) zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

function localFields(ms: number, zone: string): LocalFields | undefined {
  const formatter = zoneFormatter(zone);
  const match = formatter ? EN_US_NUMERIC.exec(formatter.format(ms)) : null;
  if (!match) return undefined;
  const [month, day, year, hour, minute] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    Number(match[4]),
    Number(match[5]),
  ];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, weekday: weekday === 0 ? 7 : weekday };
}

interface Names {
  weekdays: string[];
  months: string[];
}

const namesByLocale = new Map<Locale, Names>();

function luxonLocale(locale: Locale): string {
  return locale === 'en' ? 'en-US' : 'es-MX';
}

/** Standalone weekday (`cccc`) and month (`LLLL`) names as luxon prints them for `locale`. */
function names(locale: Locale): Names {
  let found = namesByLocale.get(locale);
  if (!found) {
    const tag = luxonLocale(locale);
    // 1 January 2024 was a Monday.
    const weekdays = Array.from({ length: 7 }, (_, i) =>
      DateTime.fromObject({ year: 2024, month: 1, day: 1 + i, hour: 12 }, { zone: 'utc', locale: tag }).toFormat('cccc'),
    );
    const months = Array.from({ length: 12 }, (_, i) =>
      DateTime.fromObject({ year: 2024, month: 1 + i, day: 15, hour: 12 }, { zone: 'utc', locale: tag }).toFormat('LLLL'),
    );
    found = { weekdays, months };
    namesByLocale.set(locale, found);
  }
  return found;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function composeLocal(f: LocalFields, locale: Locale): string {
  const { weekdays, months } = names(locale);
  const weekday = weekdays[f.weekday - 1];
  const month = months[f.month - 1];
  const time = `${pad2(f.hour)}:${pad2(f.minute)}`;
  return locale === 'en'
    ? `${weekday}, ${month} ${f.day}, ${f.year}, ${time}`
    : `${weekday} ${f.day} de ${month} de ${f.year}, ${time}`;
}

function formatWithLuxon(iso: string, locale: Locale, zone: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  if (!at.isValid) throw new ValidationError('instant', `"${iso}" is not an ISO instant`);
  const local = at.setZone(zone).setLocale(luxonLocale(locale));
  return local.toFormat(locale === 'en' ? 'cccc, LLLL d, yyyy, HH:mm' : "cccc d 'de' LLLL 'de' yyyy, HH:mm");
}
