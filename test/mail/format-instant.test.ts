import fc from 'fast-check';
import { DateTime } from 'luxon';
import { zoneName } from '../../shared/domain/i18n';
import { formatInstant, formatShortInstant } from '../../shared/domain/mail';
import type { Locale } from '../../shared/domain/ticket';

/** What the client emails printed before formatInstant had its fast path: luxon's toFormat (the zone in words). */
function luxonFormat(iso: string, locale: Locale, zone: string): string {
  const local = DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(zone)
    .setLocale(locale === 'en' ? 'en-US' : 'es-MX');
  return `${local.toFormat(locale === 'en' ? 'cccc, LLLL d, yyyy, HH:mm' : "cccc d 'de' LLLL 'de' yyyy, HH:mm")} (${zoneName(zone, locale)})`;
}

const ZONES = [
  'America/Mexico_City',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];
const LOCALES: Locale[] = ['en', 'es-MX'];

test.each([
  ['2026-11-25T20:30:00.000Z', 'en', 'America/Mexico_City', 'Wednesday, November 25, 2026, 14:30 (Mexico City time)'],
  [
    '2026-11-25T20:30:00.000Z',
    'es-MX',
    'America/Mexico_City',
    'miércoles 25 de noviembre de 2026, 14:30 (hora de la Ciudad de México)',
  ],
  ['2026-03-08T06:59:59.999Z', 'en', 'America/New_York', 'Sunday, March 8, 2026, 01:59 (New York time)'],
  ['2026-03-08T07:00:00.000Z', 'en', 'America/New_York', 'Sunday, March 8, 2026, 03:00 (New York time)'],
  ['2026-10-25T00:59:00.000Z', 'es-MX', 'Europe/Berlin', 'domingo 25 de octubre de 2026, 02:59 (hora de Berlin)'],
  ['2026-10-25T01:00:00.000Z', 'es-MX', 'Europe/Berlin', 'domingo 25 de octubre de 2026, 02:00 (hora de Berlin)'],
  ['2026-12-31T23:30:00.000Z', 'en', 'Asia/Kolkata', 'Friday, January 1, 2027, 05:00 (Kolkata time)'],
  [
    '2027-01-01T05:59:00.000Z',
    'es-MX',
    'America/Mexico_City',
    'jueves 31 de diciembre de 2026, 23:59 (hora de la Ciudad de México)',
  ],
] as Array<[string, Locale, string, string]>)('%s in %s, %s', (iso, locale, zone, expected) => {
  expect(formatInstant(iso, locale, zone)).toBe(expected);
  expect(luxonFormat(iso, locale, zone)).toBe(expected);
});

test('prints exactly what luxon prints, for any instant from 1970 to 2100, zone and locale', () => {
  const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms).toISOString());
  fc.assert(
    fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom(...LOCALES), (iso, zone, locale) => {
      expect(formatInstant(iso, locale, zone)).toBe(luxonFormat(iso, locale, zone));
    }),
    { numRuns: 3000 },
  );
});

test('text that is not a canonical UTC instant (offsets, no milliseconds, date only) still reads as luxon reads it', () => {
  for (const iso of ['2026-03-04T10:00:00-06:00', '2026-03-04T16:00:00Z', '2026-03-04']) {
    for (const locale of LOCALES)
      expect(formatInstant(iso, locale, 'America/Mexico_City')).toBe(luxonFormat(iso, locale, 'America/Mexico_City'));
  }
});

test('an unknown zone prints what luxon prints for it; text that is no instant is refused naming the field', () => {
  expect(formatInstant('2026-03-04T16:00:00.000Z', 'en', 'Mars/Olympus')).toBe(
    luxonFormat('2026-03-04T16:00:00.000Z', 'en', 'Mars/Olympus'),
  );
  expect(() => formatInstant('2026-02-30T00:00:00.000Z', 'en', 'UTC')).toThrow(
    'instant: "2026-02-30T00:00:00.000Z" is not an ISO instant',
  );
  expect(() => formatInstant('soon', 'es-MX', 'UTC')).toThrow('instant');
});

test('the short form names the zone in words: what the CLI prints', () => {
  expect(formatShortInstant('2026-12-07T18:30:00.000Z', 'es-MX', 'America/Mexico_City')).toBe(
    'lun 7 dic 2026 12:30 (hora de la Ciudad de México)',
  );
  expect(formatShortInstant('2026-12-07T18:30:00.000Z', 'en', 'America/Mexico_City')).toBe(
    'Mon 7 Dec 2026 12:30 (Mexico City time)',
  );
  expect(formatShortInstant('2026-12-07T18:30:00.000Z', 'en', 'America/Mexico_City', false)).toBe('Mon 7 Dec 2026 12:30');
  expect(zoneName('America/Argentina/Buenos_Aires', 'es-MX')).toBe('hora de Buenos Aires');
  expect(() => formatShortInstant('soon', 'en', 'UTC')).toThrow('instant');
});
