import { DEFAULT_POLICY, mexicanSupportCalendar } from '../../../shared/domain/policy';
import { parsePolicy } from '../../../shared/domain/policy';
import { mexicanRestDays } from '../../../shared/domain/calendar';

describe('DEFAULT_POLICY', () => {
  test.each([
    ['critical', null, 30],
    ['high', 60, 240],
    ['medium', 480, 960],
    ['low', 960, 1440],
  ] as const)('response %s: target %p, breach %p minutes (POLICY.md)', (priority, target, breach) => {
    expect(DEFAULT_POLICY.response[priority]).toEqual({ targetMinutes: target, breachMinutes: breach });
  });

  test.each([
    ['technical-regular', 360, 360],
    ['technical-urgent', 240, 240],
    ['maintenance', 960, 2160],
    ['research-debugging', 480, 960],
  ] as const)('resolution %s: %p-%p minutes, default inside the range', (type, min, max) => {
    const budget = DEFAULT_POLICY.resolution[type];
    expect([budget.minMinutes, budget.maxMinutes]).toEqual([min, max]);
    expect(budget.defaultMinutes).toBeGreaterThanOrEqual(min);
    expect(budget.defaultMinutes).toBeLessThanOrEqual(max);
  });

  test('the other numbers of the policy', () => {
    expect(DEFAULT_POLICY.billing.followUpMinutes).toBe(15);
    expect(DEFAULT_POLICY.billing.afterHoursMultiplierPercent).toBe(150);
    expect(DEFAULT_POLICY.noResponse).toEqual({
      contactAttempts: 3,
      noticeBusinessDays: 5,
      minBusinessMinutesBetweenAttempts: 570,
    });
    expect(DEFAULT_POLICY.atRiskPercent).toBe(75);
    expect(DEFAULT_POLICY.budgetAlertPercents).toEqual([80, 100]);
  });

  test('calendar: Mon-Fri 08:30-18:00 in America/Mexico_City, closed on the rest days 2020-2040', () => {
    const cal = DEFAULT_POLICY.calendar;
    expect(cal.timezone).toBe('America/Mexico_City');
    expect(Object.keys(cal.weekly).sort()).toEqual(['fri', 'mon', 'thu', 'tue', 'wed']);
    expect(cal.weekly.mon).toEqual([['08:30', '18:00']]);
    expect(cal.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-02', '2026-03-16', '2030-10-01', '2040-12-25']));
    expect(cal.holidays).toHaveLength(
      Array.from({ length: 81 }, (_, i) => mexicanRestDays(2020 + i).length).reduce((a, b) => a + b, 0),
    );
    expect(mexicanSupportCalendar(2026, 2026).holidays).toEqual(mexicanRestDays(2026));
  });

  test('is itself a valid policy file', () => {
    expect(parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)))).toEqual(DEFAULT_POLICY);
  });
});
