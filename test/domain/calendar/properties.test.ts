import fc from 'fast-check';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  businessSegments,
  isOpen,
  nextOpening,
  parseCalendar,
  withClosedWindows,
  withOpenWindows,
  type BusinessCalendar,
} from '../../../shared/domain/calendar';
import { at, mexicoCalendar } from './calendars';

const calendars: Array<[string, BusinessCalendar]> = [
  ['Mexico City Mon-Fri 08:30-18:00 with rest days', mexicoCalendar()],
  [
    'New York with split days, overnight shifts and DST',
    parseCalendar({
      timezone: 'America/New_York',
      weekly: {
        mon: [
          ['09:00', '12:00'],
          ['13:00', '17:30'],
        ],
        wed: [['22:00', '06:00']],
        sat: [['01:30', '02:45']],
        sun: [['00:00', '24:00']],
      },
      holidays: ['2026-07-03', '2026-11-01', '2027-03-14'],
    }),
  ],
  [
    'Berlin with after-hours windows',
    withOpenWindows(
      parseCalendar({
        timezone: 'Europe/Berlin',
        weekly: { tue: [['08:00', '16:00']], fri: [['20:00', '02:00']] },
        holidays: ['2026-03-27'],
      }),
      [
        { start: at('2026-03-28T10:00+01:00'), end: at('2026-03-29T10:00+02:00') },
        { start: at('2026-10-24T22:00+02:00'), end: at('2026-10-25T05:00+01:00') },
      ],
    ),
  ],
];

const FROM = Date.UTC(2025, 5, 1);
const TO = Date.UTC(2028, 6, 1);
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 20_000 });
const pauses = fc.array(
  fc
    .tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 0, max: 5 * 86_400_000 }))
    .map(([start, length]) => ({ start: new Date(start), end: new Date(start + length) })),
  { maxLength: 4 },
);
const runs = { numRuns: 300 };

describe.each(calendars)('properties: %s', (_name, calendar) => {
  test('businessMinutesBetween(s, addBusinessMinutes(s, n)) === n, also with pauses', () => {
    fc.assert(
      fc.property(instant, minutes, pauses, (s, n, p) => {
        expect(businessMinutesBetween(calendar, s, addBusinessMinutes(calendar, s, n))).toBe(n);
        expect(businessMinutesBetween(calendar, s, addBusinessMinutes(calendar, s, n, p), p)).toBe(n);
      }),
      runs,
    );
  });

  test('the result is the earliest such instant: one millisecond before has less', () => {
    fc.assert(
      fc.property(
        instant,
        minutes.filter((n) => n > 0),
        (s, n) => {
          const end = addBusinessMinutes(calendar, s, n);
          expect(businessMinutesBetween(calendar, s, new Date(end.getTime() - 1))).toBeLessThan(n);
        },
      ),
      runs,
    );
  });

  test('monotonic in the minutes and in the start', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (s1, s2, a, b) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [few, many] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(calendar, early, few).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(calendar, early, many).getTime(),
        );
        expect(addBusinessMinutes(calendar, early, few).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(calendar, late, few).getTime(),
        );
      }),
      runs,
    );
  });

  test('additive: add(add(s, a), b) === add(s, a + b)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (s, a, b) => {
        expect(addBusinessMinutes(calendar, addBusinessMinutes(calendar, s, a), b).getTime()).toBe(
          addBusinessMinutes(calendar, s, a + b).getTime(),
        );
      }),
      runs,
    );
  });

  test('businessMinutesBetween is additive over adjacent ranges and antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const ms = (x: Date, y: Date) => Math.round(businessMinutesBetween(calendar, x, y) * 60_000);
        expect(ms(a, b) + ms(b, c)).toBe(ms(a, c));
        expect(ms(b, a) + ms(a, b)).toBe(0);
      }),
      runs,
    );
  });

  test('nextOpening is open, not before the instant, with no business time in between; an open instant is its own', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = nextOpening(calendar, t);
        expect(isOpen(calendar, next)).toBe(true);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(businessMinutesBetween(calendar, t, next)).toBe(0);
        if (isOpen(calendar, t)) expect(next.getTime()).toBe(t.getTime());
        else expect(isOpen(calendar, new Date(next.getTime() - 1))).toBe(false);
      }),
      runs,
    );
  });

  test('businessSegments counts what businessMinutesBetween counts and tiles the range', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), pauses, (s, length, p) => {
        const e = new Date(s.getTime() + length);
        const explained = businessSegments(calendar, s, e, p);
        expect(explained.minutes).toBeCloseTo(businessMinutesBetween(calendar, s, e, p), 9);
        const parts = [...explained.counted, ...explained.skipped].sort((x, y) => x.start.getTime() - y.start.getTime());
        const covered = parts.reduce((sum, part) => sum + part.end.getTime() - part.start.getTime(), 0);
        expect(covered).toBe(length);
        parts.forEach((part) =>
          expect(isOpen(calendar, part.start)).toBe(
            explained.counted.includes(part) || (part as { reason?: string }).reason === 'pause',
          ),
        );
      }),
      { numRuns: 100 },
    );
  });

  test("pauses as closed windows (withClosedWindows): the open time minus each pause's open time, nothing open inside a pause", () => {
    fc.assert(
      fc.property(instant, instant, minutes, pauses, (s, e, n, p) => {
        const paused = withClosedWindows(calendar, p);
        const [lo, hi] = s <= e ? [s, e] : [e, s];
        const ms = (x: Date, y: Date) => Math.round(businessMinutesBetween(calendar, x, y) * 60_000);
        // The reference: count the open time, then take away what each pause (merged first) covers of it.
        const merged = [...p]
          .sort((x, y) => x.start.getTime() - y.start.getTime())
          .reduce<Array<{ start: Date; end: Date }>>((out, q) => {
            const last = out[out.length - 1];
            if (last && q.start <= last.end) last.end = q.end > last.end ? q.end : last.end;
            else out.push({ start: q.start, end: q.end });
            return out;
          }, []);
        let expected = ms(lo, hi);
        for (const q of merged) {
          const a = q.start > lo ? q.start : lo;
          const b = q.end < hi ? q.end : hi;
          if (a < b) expected -= ms(a, b);
        }
        expect(Math.round(businessMinutesBetween(paused, lo, hi) * 60_000)).toBe(expected);
        const due = addBusinessMinutes(paused, s, n);
        expect(businessMinutesBetween(paused, s, due)).toBe(n);
        expect(addBusinessMinutes(calendar, s, n, p).getTime()).toBe(due.getTime());
        for (const pause of p) if (pause.end > pause.start) expect(isOpen(paused, pause.start)).toBe(false);
        const next = nextOpening(paused, s);
        expect([isOpen(paused, next), businessMinutesBetween(paused, s, next)]).toEqual([true, 0]);
      }),
      runs,
    );
  });
});
