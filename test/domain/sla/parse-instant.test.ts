import fc from 'fast-check';
import { parseInstant } from '../../../shared/domain/sla';

describe('parseInstant', () => {
  test('reads every canonical instant exactly like Date.parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  test.each(['2026-03-02T15:00:00Z', '2026-03-02T15:00:00.5Z', '2026-03-02T09:00:00-06:00', '2026-01-01T24:00:00.000Z'])(
    'other ISO forms fall back to Date.parse: %s',
    (value) => {
      expect(parseInstant(value)).toBe(Date.parse(value));
    },
  );

  test.each(['2026-13-01T00:00:00.000Z', '2026-0a-01T00:00:00.000Z', 'yesterday', ''])('refuses %p naming the field', (value) => {
    expect(() => parseInstant(value, 'openedAt')).toThrow(expect.objectContaining({ field: 'openedAt' }));
  });
});
