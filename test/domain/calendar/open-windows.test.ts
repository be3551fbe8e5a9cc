import {
  addBusinessMinutes,
  businessMinutesBetween,
  calendarSpecOf,
  isOpen,
  nextOpening,
  withOpenWindows,
} from '../../../shared/domain/calendar';
import { ValidationError } from '../../../shared/domain/common';
import { at, mexicoCalendar } from './calendars';

const mx = mexicoCalendar();
const saturdayWindow = { start: at('2026-03-14T10:00-06:00'), end: at('2026-03-14T12:00-06:00') };

describe('withOpenWindows adds approved after-hours time', () => {
  const extended = withOpenWindows(mx, [saturdayWindow]);

  test('the window is open and counts; the original calendar is unchanged', () => {
    expect(isOpen(extended, at('2026-03-14T10:00-06:00'))).toBe(true);
    expect(isOpen(mx, at('2026-03-14T10:00-06:00'))).toBe(false);
    expect(addBusinessMinutes(extended, at('2026-03-13T17:00-06:00'), 120).toISOString()).toBe(
      at('2026-03-14T11:00-06:00').toISOString(),
    );
    expect(nextOpening(extended, at('2026-03-13T18:00-06:00')).toISOString()).toBe(at('2026-03-14T10:00-06:00').toISOString());
    expect(nextOpening(extended, at('2026-03-14T12:00-06:00')).toISOString()).toBe(at('2026-03-17T08:30-06:00').toISOString());
  });

  test('a window on a holiday opens it; a window overlapping the hours does not double count', () => {
    const more = withOpenWindows(extended, [
      { start: at('2026-03-16T09:00-06:00'), end: at('2026-03-16T10:00-06:00') },
      { start: at('2026-03-09T08:00-06:00'), end: at('2026-03-09T09:00-06:00') },
    ]);
    expect(businessMinutesBetween(more, at('2026-03-16T00:00-06:00'), at('2026-03-17T00:00-06:00'))).toBe(60);
    expect(businessMinutesBetween(more, at('2026-03-09T00:00-06:00'), at('2026-03-10T00:00-06:00'))).toBe(570 + 30);
    expect(businessMinutesBetween(more, at('2026-03-14T00:00-06:00'), at('2026-03-15T00:00-06:00'))).toBe(120);
  });

  test('keeps the spec and refuses a window ending before it starts', () => {
    expect(calendarSpecOf(extended)).toBe(calendarSpecOf(mx));
    expect(() => withOpenWindows(mx, [{ start: saturdayWindow.end, end: saturdayWindow.start }])).toThrow(ValidationError);
    expect(() => withOpenWindows(mx, [{ start: saturdayWindow.end, end: saturdayWindow.start }])).toThrow(/^windows\[0\]: /);
  });
});
