import { CalendarError, ValidationError } from '../../../shared/domain/common';
import { addBusinessMinutes, businessMinutesBetween, isOpen, nextOpening, parseCalendar } from '../../../shared/domain/calendar';
import { at, mexicoCalendar } from './calendars';

// 2026 in Mexico City is UTC-6 all year. 13 Mar 2026 is a Friday; Monday 16 Mar is a rest day.
const mx = mexicoCalendar();

describe('addBusinessMinutes on Mon-Fri 08:30-18:00, America/Mexico_City', () => {
  const cases: Array<[string, string, number, string]> = [
    ['0 minutes while open returns start', '2026-03-09T10:00-06:00', 0, '2026-03-09T10:00-06:00'],
    ['0 minutes while closed returns start', '2026-03-14T10:00-06:00', 0, '2026-03-14T10:00-06:00'],
    ['from opening, inside the day', '2026-03-09T08:30-06:00', 90, '2026-03-09T10:00-06:00'],
    ['a whole day from opening ends at the closing instant', '2026-03-13T08:30-06:00', 570, '2026-03-13T18:00-06:00'],
    ['used up exactly at closing returns the closing instant', '2026-03-11T17:00-06:00', 60, '2026-03-11T18:00-06:00'],
    ['one minute more rolls to the next opening', '2026-03-11T17:00-06:00', 61, '2026-03-12T08:31-06:00'],
    ['before opening waits for the opening', '2026-03-10T06:00-06:00', 30, '2026-03-10T09:00-06:00'],
    ['from the closing instant', '2026-03-10T18:00-06:00', 1, '2026-03-11T08:31-06:00'],
    ['over a weekend', '2026-03-06T17:00-06:00', 120, '2026-03-09T09:30-06:00'],
    ['over a weekend and a rest-day Monday', '2026-03-13T17:00-06:00', 120, '2026-03-17T09:30-06:00'],
    ['from a Saturday over the rest-day Monday', '2026-03-14T10:00-06:00', 1, '2026-03-17T08:31-06:00'],
    ['a full week is five days', '2026-03-02T08:30-06:00', 2850, '2026-03-06T18:00-06:00'],
    ['a week and a minute', '2026-03-02T08:30-06:00', 2851, '2026-03-09T08:31-06:00'],
    ['across the new year and 1 January', '2026-12-31T17:00-06:00', 61, '2027-01-04T08:31-06:00'],
    ['fractional minutes keep seconds', '2026-03-09T08:30-06:00', 1.5, '2026-03-09T08:31:30-06:00'],
    ['a quarter minute is 15 seconds', '2026-03-09T17:59:50-06:00', 0.25, '2026-03-10T08:30:05-06:00'],
  ];
  test.each(cases)('%s', (_label, start, minutes, expected) => {
    expect(addBusinessMinutes(mx, at(start), minutes).toISOString()).toBe(at(expected).toISOString());
  });

  test('refuses negative, NaN and infinite minutes naming the field', () => {
    for (const minutes of [-1, NaN, Infinity]) {
      expect(() => addBusinessMinutes(mx, at('2026-03-09T10:00-06:00'), minutes)).toThrow(ValidationError);
      expect(() => addBusinessMinutes(mx, at('2026-03-09T10:00-06:00'), minutes)).toThrow(/^minutes: /);
    }
  });

  test('refuses an invalid start naming the field', () => {
    expect(() => addBusinessMinutes(mx, new Date('nope'), 5)).toThrow(/^start: /);
  });
});

describe('businessMinutesBetween counts [start, end)', () => {
  const cases: Array<[string, string, string, number]> = [
    ['same instant', '2026-03-09T10:00-06:00', '2026-03-09T10:00-06:00', 0],
    ['a whole open day', '2026-03-09T00:00-06:00', '2026-03-10T00:00-06:00', 570],
    ['closed hours count nothing', '2026-03-09T18:00-06:00', '2026-03-10T08:30-06:00', 0],
    ['a weekend counts nothing', '2026-03-07T00:00-06:00', '2026-03-09T00:00-06:00', 0],
    ['a rest day counts nothing', '2026-03-16T00:00-06:00', '2026-03-17T00:00-06:00', 0],
    ['a calendar week with a rest day', '2026-03-16T00:00-06:00', '2026-03-23T00:00-06:00', 4 * 570],
    ['partial day at both ends', '2026-03-09T17:00-06:00', '2026-03-10T09:00-06:00', 90],
    ['seconds give fractions', '2026-03-09T10:00-06:00', '2026-03-09T10:00:30-06:00', 0.5],
    ['negative when end is before start', '2026-03-10T09:00-06:00', '2026-03-09T17:00-06:00', -90],
    ['across years', '2026-12-31T00:00-06:00', '2027-01-05T00:00-06:00', 2 * 570],
  ];
  test.each(cases)('%s', (_label, start, end, expected) => {
    expect(businessMinutesBetween(mx, at(start), at(end))).toBe(expected);
  });
});

describe('isOpen and nextOpening are half-open [open, close)', () => {
  const cases: Array<[string, string, boolean, string]> = [
    ['at opening', '2026-03-09T08:30-06:00', true, '2026-03-09T08:30-06:00'],
    ['a millisecond before opening', '2026-03-09T08:29:59.999-06:00', false, '2026-03-09T08:30-06:00'],
    ['a millisecond before closing', '2026-03-09T17:59:59.999-06:00', true, '2026-03-09T17:59:59.999-06:00'],
    ['at closing', '2026-03-09T18:00-06:00', false, '2026-03-10T08:30-06:00'],
    ['Friday night before a rest-day Monday', '2026-03-13T18:00-06:00', false, '2026-03-17T08:30-06:00'],
    ['on the rest day', '2026-03-16T12:00-06:00', false, '2026-03-17T08:30-06:00'],
    ['on New Year\u2019s Eve night', '2026-12-31T20:00-06:00', false, '2027-01-04T08:30-06:00'],
  ];
  test.each(cases)('%s', (_label, instant, open, next) => {
    expect(isOpen(mx, at(instant))).toBe(open);
    expect(nextOpening(mx, at(instant)).toISOString()).toBe(at(next).toISOString());
  });
});

describe('overnight shifts and "24:00"', () => {
  // Friday 22:00 -> Saturday 06:00 belongs to Friday; Saturday 10-14. Friday 20 Mar and Saturday 28 Mar are holidays.
  const night = parseCalendar({
    timezone: 'UTC',
    weekly: { fri: [['22:00', '06:00']], sat: [['10:00', '14:00']] },
    holidays: ['2026-03-20', '2026-03-28'],
  });

  test('the shift is open after midnight on the next day', () => {
    expect(isOpen(night, at('2026-03-14T03:00Z'))).toBe(true);
    expect(isOpen(night, at('2026-03-14T06:00Z'))).toBe(false);
  });

  test('adding runs through midnight and on to Saturday', () => {
    expect(addBusinessMinutes(night, at('2026-03-13T21:00Z'), 60).toISOString()).toBe('2026-03-13T23:00:00.000Z');
    expect(addBusinessMinutes(night, at('2026-03-13T23:00Z'), 480).toISOString()).toBe('2026-03-14T11:00:00.000Z');
    expect(businessMinutesBetween(night, at('2026-03-13T00:00Z'), at('2026-03-15T00:00Z'))).toBe(8 * 60 + 4 * 60);
  });

  test('a holiday removes the shift that starts on it, even the part after midnight', () => {
    expect(isOpen(night, at('2026-03-21T03:00Z'))).toBe(false);
    expect(nextOpening(night, at('2026-03-20T21:00Z')).toISOString()).toBe('2026-03-21T10:00:00.000Z');
  });

  test('a holiday does not remove a shift that only ends on it', () => {
    expect(isOpen(night, at('2026-03-28T03:00Z'))).toBe(true);
    expect(isOpen(night, at('2026-03-28T11:00Z'))).toBe(false);
  });

  test('equal start and end is a 24-hour shift', () => {
    const allDay = parseCalendar({ timezone: 'UTC', weekly: { wed: [['08:00', '08:00']] }, holidays: [] });
    expect(isOpen(allDay, at('2026-03-12T07:59:59Z'))).toBe(true);
    expect(addBusinessMinutes(allDay, at('2026-03-11T08:00Z'), 1440).toISOString()).toBe('2026-03-12T08:00:00.000Z');
    expect(nextOpening(allDay, at('2026-03-12T08:00Z')).toISOString()).toBe('2026-03-18T08:00:00.000Z');
  });

  test('"24:00" is the end of the day and joins a shift starting at 00:00 the next day', () => {
    const late = parseCalendar({
      timezone: 'UTC',
      weekly: { mon: [['20:00', '24:00']], tue: [['00:00', '02:00']] },
      holidays: [],
    });
    expect(isOpen(late, at('2026-03-09T23:59:59.999Z'))).toBe(true);
    expect(isOpen(late, at('2026-03-10T00:00Z'))).toBe(true);
    expect(addBusinessMinutes(late, at('2026-03-09T20:00Z'), 360).toISOString()).toBe('2026-03-10T02:00:00.000Z');
  });
});

describe('daylight saving time: business time is real elapsed time', () => {
  const allSunday = (timezone: string) => parseCalendar({ timezone, weekly: { sun: [['00:00', '24:00']] }, holidays: [] });

  test('America/New_York: 8 Mar 2026 lasts 23 h, 1 Nov 2026 lasts 25 h', () => {
    const ny = allSunday('America/New_York');
    expect(businessMinutesBetween(ny, at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00'))).toBe(23 * 60);
    expect(addBusinessMinutes(ny, at('2026-03-08T00:00-05:00'), 23 * 60).toISOString()).toBe(
      at('2026-03-09T00:00-04:00').toISOString(),
    );
    expect(businessMinutesBetween(ny, at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00'))).toBe(25 * 60);
  });

  test('America/New_York: a 01:00-03:00 window is 1 h in spring and 3 h in autumn', () => {
    const ny = parseCalendar({ timezone: 'America/New_York', weekly: { sun: [['01:00', '03:00']] }, holidays: [] });
    expect(businessMinutesBetween(ny, at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00'))).toBe(60);
    expect(businessMinutesBetween(ny, at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00'))).toBe(180);
    // 01:00 occurs twice on 1 Nov: the window opens at the first one (EDT).
    expect(nextOpening(ny, at('2026-11-01T00:00-04:00')).toISOString()).toBe(at('2026-11-01T01:00-04:00').toISOString());
  });

  test('America/New_York: an opening at a wall time that does not exist is shifted forward', () => {
    const ny = parseCalendar({ timezone: 'America/New_York', weekly: { sun: [['02:30', '04:00']] }, holidays: [] });
    expect(nextOpening(ny, at('2026-03-08T00:00-05:00')).toISOString()).toBe(at('2026-03-08T03:30-04:00').toISOString());
    expect(businessMinutesBetween(ny, at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00'))).toBe(30);
    expect(nextOpening(ny, at('2026-03-15T00:00-04:00')).toISOString()).toBe(at('2026-03-15T02:30-04:00').toISOString());
  });

  test('Europe/Berlin: 29 Mar 2026 lasts 23 h, 25 Oct 2026 lasts 25 h', () => {
    const berlin = allSunday('Europe/Berlin');
    expect(businessMinutesBetween(berlin, at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(23 * 60);
    expect(businessMinutesBetween(berlin, at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'))).toBe(25 * 60);
    expect(addBusinessMinutes(berlin, at('2026-10-25T00:00+02:00'), 25 * 60).toISOString()).toBe(
      at('2026-10-26T00:00+01:00').toISOString(),
    );
  });

  test('Europe/Berlin: an overnight shift across the spring change lasts 7 h', () => {
    const berlin = parseCalendar({ timezone: 'Europe/Berlin', weekly: { sat: [['22:00', '06:00']] }, holidays: [] });
    expect(businessMinutesBetween(berlin, at('2026-03-28T12:00+01:00'), at('2026-03-29T12:00+02:00'))).toBe(7 * 60);
    expect(addBusinessMinutes(berlin, at('2026-03-28T22:00+01:00'), 7 * 60).toISOString()).toBe(
      at('2026-03-29T06:00+02:00').toISOString(),
    );
  });

  test('America/Mexico_City: UTC-5 in summer 2022, UTC-6 all year since DST ended in October 2022', () => {
    const plain = mexicoCalendar([]);
    expect(nextOpening(plain, at('2022-06-01T00:00Z')).toISOString()).toBe('2022-06-01T13:30:00.000Z');
    expect(nextOpening(plain, at('2022-12-01T00:00Z')).toISOString()).toBe('2022-12-01T14:30:00.000Z');
    expect(nextOpening(plain, at('2026-06-03T00:00Z')).toISOString()).toBe('2026-06-03T14:30:00.000Z');
    expect(businessMinutesBetween(plain, at('2026-03-30T00:00-06:00'), at('2026-04-06T00:00-06:00'))).toBe(5 * 570);
  });
});

describe('pauses are removed from business time', () => {
  const pause = (start: string, end: string) => ({ start: at(start), end: at(end) });
  const monday = '2026-03-09T08:30-06:00';

  const addCases: Array<[string, string, number, Array<{ start: Date; end: Date }>, string]> = [
    [
      'one pause inside the day',
      monday,
      120,
      [pause('2026-03-09T09:00-06:00', '2026-03-09T09:30-06:00')],
      '2026-03-09T11:00-06:00',
    ],
    [
      'overlapping pauses count once',
      monday,
      120,
      [pause('2026-03-09T09:00-06:00', '2026-03-09T09:30-06:00'), pause('2026-03-09T09:15-06:00', '2026-03-09T10:00-06:00')],
      '2026-03-09T11:30-06:00',
    ],
    [
      'the same pause twice counts once',
      monday,
      120,
      [pause('2026-03-09T09:00-06:00', '2026-03-09T09:30-06:00'), pause('2026-03-09T09:00-06:00', '2026-03-09T09:30-06:00')],
      '2026-03-09T11:00-06:00',
    ],
    [
      'pauses given out of order',
      monday,
      120,
      [pause('2026-03-09T10:00-06:00', '2026-03-09T10:15-06:00'), pause('2026-03-09T09:00-06:00', '2026-03-09T09:15-06:00')],
      '2026-03-09T11:00-06:00',
    ],
    [
      'a pause over closing and the night',
      '2026-03-09T17:00-06:00',
      120,
      [pause('2026-03-09T17:30-06:00', '2026-03-10T09:00-06:00')],
      '2026-03-10T10:30-06:00',
    ],
    [
      'a pause before start is ignored',
      monday,
      60,
      [pause('2026-03-06T09:00-06:00', '2026-03-09T08:00-06:00')],
      '2026-03-09T09:30-06:00',
    ],
    [
      'a pause running since before start counts from start',
      monday,
      60,
      [pause('2026-03-06T09:00-06:00', '2026-03-09T09:00-06:00')],
      '2026-03-09T10:00-06:00',
    ],
    [
      'a pause in closed time changes nothing',
      monday,
      600,
      [pause('2026-03-09T19:00-06:00', '2026-03-10T07:00-06:00')],
      '2026-03-10T09:00-06:00',
    ],
    [
      'used up exactly where a pause starts',
      monday,
      30,
      [pause('2026-03-09T09:00-06:00', '2026-03-09T10:00-06:00')],
      '2026-03-09T09:00-06:00',
    ],
    ['an empty pause list', monday, 30, [], '2026-03-09T09:00-06:00'],
  ];
  test.each(addCases)('add: %s', (_label, start, minutes, pauses, expected) => {
    expect(addBusinessMinutes(mx, at(start), minutes, pauses).toISOString()).toBe(at(expected).toISOString());
    expect(businessMinutesBetween(mx, at(start), at(expected), pauses)).toBe(minutes);
  });

  test('between: overlapping pauses are removed once, clipped to the range, negative when reversed', () => {
    const pauses = [
      pause('2026-03-09T07:00-06:00', '2026-03-09T09:30-06:00'),
      pause('2026-03-09T09:00-06:00', '2026-03-09T10:00-06:00'),
    ];
    expect(businessMinutesBetween(mx, at('2026-03-09T00:00-06:00'), at('2026-03-10T00:00-06:00'), pauses)).toBe(570 - 90);
    expect(businessMinutesBetween(mx, at('2026-03-09T09:30-06:00'), at('2026-03-09T12:00-06:00'), pauses)).toBe(120);
    expect(businessMinutesBetween(mx, at('2026-03-10T00:00-06:00'), at('2026-03-09T00:00-06:00'), pauses)).toBe(-(570 - 90));
  });

  test('refuses a pause ending before it starts, naming it', () => {
    expect(() => addBusinessMinutes(mx, at(monday), 10, [pause('2026-03-09T10:00-06:00', '2026-03-09T09:00-06:00')])).toThrow(
      /^pauses\[0\]: /,
    );
    expect(() => businessMinutesBetween(mx, at(monday), at(monday), [{ start: at(monday), end: new Date(NaN) }])).toThrow(
      /^pauses\[0\]\.end: /,
    );
  });
});

describe('a calendar with no weekly hours', () => {
  const never = parseCalendar({ timezone: 'UTC', weekly: {}, holidays: [] });

  test('is never open and counts nothing', () => {
    expect(isOpen(never, at('2026-03-09T10:00Z'))).toBe(false);
    expect(businessMinutesBetween(never, at('2026-01-01T00:00Z'), at('2027-01-01T00:00Z'))).toBe(0);
    expect(addBusinessMinutes(never, at('2026-03-09T10:00Z'), 0).toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  test('refuses to search for an opening that never comes', () => {
    expect(() => addBusinessMinutes(never, at('2026-03-09T10:00Z'), 1)).toThrow(CalendarError);
    expect(() => nextOpening(never, at('2026-03-09T10:00Z'))).toThrow(/never opens/);
  });
});
