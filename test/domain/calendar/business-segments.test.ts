import { businessMinutesBetween, businessSegments, withOpenWindows } from '../../../shared/domain/calendar';
import { at, mexicoCalendar } from './calendars';

const mx = mexicoCalendar();
const iso = (d: Date) => d.toISOString();

describe('businessSegments explains the arithmetic', () => {
  test('Friday 17:00 to Tuesday 09:30 over a weekend and the rest-day Monday', () => {
    const explained = businessSegments(mx, at('2026-03-13T17:00-06:00'), at('2026-03-17T09:30-06:00'));
    expect(explained.counted.map((s) => [iso(s.start), iso(s.end), s.minutes])).toEqual([
      [iso(at('2026-03-13T17:00-06:00')), iso(at('2026-03-13T18:00-06:00')), 60],
      [iso(at('2026-03-17T08:30-06:00')), iso(at('2026-03-17T09:30-06:00')), 60],
    ]);
    expect(explained.skipped.map((s) => [s.reason, iso(s.start), iso(s.end), s.date])).toEqual([
      ['closed', iso(at('2026-03-13T18:00-06:00')), iso(at('2026-03-16T08:30-06:00')), undefined],
      ['holiday', iso(at('2026-03-16T08:30-06:00')), iso(at('2026-03-16T18:00-06:00')), '2026-03-16'],
      ['closed', iso(at('2026-03-16T18:00-06:00')), iso(at('2026-03-17T08:30-06:00')), undefined],
    ]);
    expect(explained.minutes).toBe(120);
  });

  test('a pause shows as the open time it removed; closed time inside it stays "closed"', () => {
    const pauses = [{ start: at('2026-03-09T17:30-06:00'), end: at('2026-03-10T09:00-06:00') }];
    const explained = businessSegments(mx, at('2026-03-09T17:00-06:00'), at('2026-03-10T10:30-06:00'), pauses);
    expect(explained.skipped.map((s) => [s.reason, iso(s.start), iso(s.end), s.minutes])).toEqual([
      ['pause', iso(at('2026-03-09T17:30-06:00')), iso(at('2026-03-09T18:00-06:00')), 30],
      ['closed', iso(at('2026-03-09T18:00-06:00')), iso(at('2026-03-10T08:30-06:00')), 870],
      ['pause', iso(at('2026-03-10T08:30-06:00')), iso(at('2026-03-10T09:00-06:00')), 30],
    ]);
    expect(explained.minutes).toBe(120);
    expect(explained.minutes).toBe(
      businessMinutesBetween(mx, at('2026-03-09T17:00-06:00'), at('2026-03-10T10:30-06:00'), pauses),
    );
  });

  test('the parts cover the range exactly, in order, and a year boundary does not split an open span', () => {
    // Thursday 31 Dec closes at 18:00 local = 00:00 UTC, where the year tables split; the window continues it.
    const night = withOpenWindows(mx, [{ start: at('2026-12-31T18:00-06:00'), end: at('2027-01-01T02:00-06:00') }]);
    const start = at('2026-12-28T00:00-06:00');
    const end = at('2027-01-08T00:00-06:00');
    const explained = businessSegments(night, start, end);
    const parts = [...explained.counted, ...explained.skipped].sort((a, b) => a.start.getTime() - b.start.getTime());
    expect(iso(parts[0].start)).toBe(iso(start));
    expect(iso(parts[parts.length - 1].end)).toBe(iso(end));
    parts.slice(1).forEach((part, i) => expect(iso(part.start)).toBe(iso(parts[i].end)));
    const newYearsEve = explained.counted.find((s) => iso(s.start) === iso(at('2026-12-31T08:30-06:00')));
    expect(newYearsEve && [iso(newYearsEve.end), newYearsEve.minutes]).toEqual([iso(at('2027-01-01T02:00-06:00')), 570 + 480]);
    expect(explained.skipped.filter((s) => s.reason === 'holiday').map((s) => s.date)).toEqual(['2027-01-01']);
    expect(explained.minutes).toBe(businessMinutesBetween(night, start, end));
  });

  test('is empty when end is not after start', () => {
    expect(businessSegments(mx, at('2026-03-10T00:00Z'), at('2026-03-09T00:00Z'))).toEqual({
      counted: [],
      skipped: [],
      minutes: 0,
    });
  });
});
