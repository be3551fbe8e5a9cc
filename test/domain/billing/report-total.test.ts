import fc from 'fast-check';
import { TIME_ENTRY_KINDS, type TimeEntry } from '../../../shared/domain/billing';
import { monthlySummary } from '../../../shared/domain/billing';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { mergePolicy } from '../../../shared/domain/policy';

/** March 2026 in Mexico City: [from, to) in UTC, with a day on each side to draw entries of other months. */
const FROM = Date.parse('2026-03-01T06:00:00.000Z');
const TO = Date.parse('2026-04-01T06:00:00.000Z');
const DAY = 86_400_000;

const entry = fc.record({
  kind: fc.constantFrom(...TIME_ENTRY_KINDS),
  at: fc.integer({ min: FROM - DAY, max: TO + DAY }),
  minutes: fc.integer({ min: 1, max: 600 }),
  consultants: fc.integer({ min: 1, max: 5 }),
  rating: fc.constantFrom('regular', 'approved', 'unapproved'),
  multiplierPercent: fc.constantFrom(110, 125, 133, 150, 175, 200),
  clientId: fc.constantFrom('acme', 'acme', 'acme', 'other'),
});

type Drawn = typeof entry extends fc.Arbitrary<infer V> ? V : never;

function timeEntry(facts: Drawn, i: number): TimeEntry {
  const approved = facts.rating === 'approved';
  const e: TimeEntry = {
    id: `e${i}`,
    ticketId: 't-1',
    clientId: facts.clientId,
    kind: facts.kind,
    at: new Date(facts.at).toISOString(),
    actorId: 'staff-l2',
    minutes: facts.minutes,
    consultants: facts.consultants,
    billedMinutes: facts.minutes * facts.consultants,
    afterHours: facts.rating !== 'regular',
    multiplierPercent: approved ? facts.multiplierPercent : 100,
  };
  if (facts.rating === 'unapproved') e.flag = 'after-hours-unapproved';
  return e;
}

/** The reference: exact rational money per line in BigInt, rounded half up once. */
function referenceCents(entries: TimeEntry[], rateCents: number): bigint {
  const numerator = entries.reduce(
    (sum, e) => sum + BigInt(e.billedMinutes) * BigInt(e.multiplierPercent) * BigInt(rateCents),
    0n,
  );
  return (numerator * 2n + 6000n) / 12000n;
}

describe('the hours report (differential, random months of entries)', () => {
  test('each line is the exact amount of its entries rounded once; the total is the sum of its lines', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.integer({ min: 0, max: 500_000 }), (drawn, rateCents) => {
        const policy = mergePolicy(DEFAULT_POLICY, { billing: { hourlyRateCents: rateCents } });
        const entries = drawn.map(timeEntry);
        const report = monthlySummary(entries, policy, 'acme', '2026-03');
        const inMonth = entries.filter((e) => e.clientId === 'acme' && Date.parse(e.at) >= FROM && Date.parse(e.at) < TO);
        for (const row of report.rows) {
          const mine = inMonth.filter((e) => e.kind === row.kind);
          expect(BigInt(row.amountCents)).toBe(referenceCents(mine, rateCents));
          expect(row.entries).toBe(mine.length);
          const weighted = mine
            .filter((e) => e.afterHours && !e.flag)
            .reduce((sum, e) => sum + e.billedMinutes * e.multiplierPercent, 0);
          expect(Math.round(row.afterHoursWeightedMinutes * 100)).toBe(weighted);
          expect(Math.round(row.chargeableMinutes * 100)).toBe(
            mine.reduce((sum, e) => sum + e.billedMinutes * e.multiplierPercent, 0),
          );
        }
        expect(report.total.amountCents).toBe(report.rows.reduce((sum, row) => sum + row.amountCents, 0));
        expect(report.total.entries).toBe(inMonth.length);
        for (const field of ['regularMinutes', 'afterHoursMinutes', 'unapprovedAfterHoursMinutes'] as const) {
          expect(report.total[field]).toBe(report.rows.reduce((sum, row) => sum + row[field], 0));
        }
        expect(Math.round(report.total.chargeableMinutes * 100)).toBe(
          report.rows.reduce((sum, row) => sum + Math.round(row.chargeableMinutes * 100), 0),
        );
      }),
      {
        // Pinned: the case (three 15-minute after-hours follow-ups at 150%, 1,000.00 MXN/h -> 1,125.00).
        examples: [
          [
            [0, 1, 2].map((i): Drawn => ({
              kind: 'follow-up' as const,
              at: FROM + DAY + i * 60_000,
              minutes: 15,
              consultants: 1,
              rating: 'approved',
              multiplierPercent: 150,
              clientId: 'acme',
            })),
            100_000,
          ],
        ],
      },
    );
  });
});
