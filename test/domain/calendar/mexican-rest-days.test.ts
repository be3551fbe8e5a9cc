import { ValidationError } from '../../../shared/domain/common';
import { mexicanRestDays } from '../../../shared/domain/calendar';

describe('mexicanRestDays (LFT art. 74)', () => {
  test('2026: Mondays of Feb 2, Mar 16 and Nov 16; no transition day', () => {
    expect(mexicanRestDays(2026)).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-16',
      '2026-05-01',
      '2026-09-16',
      '2026-11-16',
      '2026-12-25',
    ]);
  });

  test('2030: a presidential-transition year adds 1 October', () => {
    expect(mexicanRestDays(2030)).toEqual([
      '2030-01-01',
      '2030-02-04',
      '2030-03-18',
      '2030-05-01',
      '2030-09-16',
      '2030-10-01',
      '2030-11-18',
      '2030-12-25',
    ]);
  });

  test.each([
    [2024, true],
    [2025, false],
    [2030, true],
    [2033, false],
    [2036, true],
  ])('%i has 1 October: %s', (year, expected) => {
    expect(mexicanRestDays(year).includes(`${year}-10-01`)).toBe(expected);
  });

  test('the movable days are Mondays of the right week in every year', () => {
    for (let year = 2024; year <= 2040; year++) {
      const [, feb, mar, , , ...rest] = mexicanRestDays(year);
      const nov = rest.find((d) => d.slice(5, 7) === '11') as string;
      for (const [date, from, to] of [
        [feb, 1, 7],
        [mar, 15, 21],
        [nov, 15, 21],
      ] as const) {
        expect(new Date(`${date}T00:00Z`).getUTCDay()).toBe(1);
        expect(Number(date.slice(8))).toBeGreaterThanOrEqual(from);
        expect(Number(date.slice(8))).toBeLessThanOrEqual(to);
      }
    }
  });

  test('earlier years follow the rules then in force: fixed dates before the 2006 reform, 1 December transitions up to 2018', () => {
    expect(mexicanRestDays(2018)).toEqual([
      '2018-01-01',
      '2018-02-05',
      '2018-03-19',
      '2018-05-01',
      '2018-09-16',
      '2018-11-19',
      '2018-12-01',
      '2018-12-25',
    ]);
    expect(mexicanRestDays(2006)).toEqual([
      '2006-01-01',
      '2006-02-06',
      '2006-03-21',
      '2006-05-01',
      '2006-09-16',
      '2006-11-20',
      '2006-12-01',
      '2006-12-25',
    ]);
    expect(mexicanRestDays(2000)).toEqual([
      '2000-01-01',
      '2000-02-05',
      '2000-03-21',
      '2000-05-01',
      '2000-09-16',
      '2000-11-20',
      '2000-12-01',
      '2000-12-25',
    ]);
    expect(mexicanRestDays(2019)).not.toContain('2019-12-01');
    expect(mexicanRestDays(2024)).not.toContain('2024-12-01');
  });

  test('refuses a non-integer year naming the field', () => {
    expect(() => mexicanRestDays(2026.5)).toThrow(ValidationError);
    expect(() => mexicanRestDays(2026.5)).toThrow(/^year: /);
  });
});
