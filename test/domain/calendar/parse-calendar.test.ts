import { CalendarError, DomainError } from '../../../shared/domain/common';
import { calendarSpecOf, nextOpening, parseCalendar, type CalendarSpec } from '../../../shared/domain/calendar';

const valid: CalendarSpec = { timezone: 'America/Mexico_City', weekly: { mon: [['08:30', '18:00']] }, holidays: ['2026-01-01'] };

describe('parseCalendar refuses a bad spec, naming the field', () => {
  const cases: Array<[string, unknown, string]> = [
    ['unknown zone', { ...valid, timezone: 'Mars/Olympus' }, 'timezone'],
    ['zone not a string', { ...valid, timezone: -6 }, 'timezone'],
    ['hour without leading zero', { ...valid, weekly: { mon: [['8:30', '18:00']] } }, 'weekly.mon[0]'],
    ['hour 25', { ...valid, weekly: { tue: [['08:30', '25:00']] } }, 'weekly.tue[0]'],
    ['minute 60', { ...valid, weekly: { tue: [['08:60', '12:00']] } }, 'weekly.tue[0]'],
    ['"24:00" as a start', { ...valid, weekly: { wed: [['24:00', '06:00']] } }, 'weekly.wed[0]'],
    ['interval not a pair', { ...valid, weekly: { mon: [['08:30']] } }, 'weekly.mon[0]'],
    ['intervals not an array', { ...valid, weekly: { mon: '08:30-18:00' } }, 'weekly.mon'],
    ['unknown weekday key', { ...valid, weekly: { monday: [['08:30', '18:00']] } }, 'weekly.monday'],
    ['weekly not an object', { ...valid, weekly: [] }, 'weekly'],
    [
      'overlap on one day',
      {
        ...valid,
        weekly: {
          mon: [
            ['08:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      'weekly.mon[1]',
    ],
    [
      'overlap listed out of order',
      {
        ...valid,
        weekly: {
          mon: [
            ['11:00', '13:00'],
            ['08:00', '12:00'],
          ],
        },
      },
      'weekly.mon[0]',
    ],
    [
      'overnight shift overlapping the next day',
      { ...valid, weekly: { mon: [['22:00', '06:00']], tue: [['05:00', '09:00']] } },
      'weekly.tue[0]',
    ],
    [
      'Sunday night shift overlapping Monday',
      { ...valid, weekly: { sun: [['22:00', '06:00']], mon: [['05:00', '09:00']] } },
      'weekly.mon[0]',
    ],
    ['bad holiday date', { ...valid, holidays: ['2026-01-01', '2026-05-01', '2026-09-16', '2026-02-30'] }, 'holidays[3]'],
    ['holiday not zero-padded', { ...valid, holidays: ['2026-1-1'] }, 'holidays[0]'],
    ['holidays not an array', { ...valid, holidays: '2026-01-01' }, 'holidays'],
    ['spec not an object', null, 'calendar'],
  ];
  test.each(cases)('%s -> %s', (_label, spec, field) => {
    let caught: unknown;
    try {
      parseCalendar(spec as CalendarSpec);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarError);
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as CalendarError).field).toBe(field);
    expect((caught as CalendarError).message.startsWith(`${field}: `)).toBe(true);
  });
});

describe('parseCalendar accepts', () => {
  test('a shift ending exactly where the next one starts, "24:00", an overnight shift and a 24 h shift', () => {
    const spec: CalendarSpec = {
      timezone: 'UTC',
      weekly: {
        mon: [
          ['08:00', '12:00'],
          ['12:00', '24:00'],
        ],
        tue: [
          ['00:00', '02:00'],
          ['22:00', '06:00'],
        ],
        wed: [['06:00', '06:00']],
      },
      holidays: [],
    };
    expect(() => parseCalendar(spec)).not.toThrow();
  });

  test('an empty or undefined day is closed', () => {
    const calendar = parseCalendar({
      timezone: 'UTC',
      weekly: { mon: [], tue: undefined, wed: [['09:00', '10:00']] },
      holidays: [],
    });
    expect(nextOpening(calendar, new Date('2026-03-09T00:00Z')).toISOString()).toBe('2026-03-11T09:00:00.000Z');
    expect(calendarSpecOf(calendar).weekly).toEqual({ mon: [], wed: [['09:00', '10:00']] });
  });

  test('keeps a frozen copy of the spec, unaffected by later edits of the input', () => {
    const input: CalendarSpec = JSON.parse(JSON.stringify(valid));
    const calendar = parseCalendar(input);
    input.holidays.push('2026-05-01');
    const spec = calendarSpecOf(calendar);
    expect(spec).toEqual(valid);
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.holidays)).toBe(true);
  });
});
