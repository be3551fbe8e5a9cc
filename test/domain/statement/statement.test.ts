import { monthlySummary } from '../../../shared/domain/billing';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { slaCalendar } from '../../../shared/domain/sla';
import { buildStatement, previousMonth } from '../../../shared/domain/statement';
import { statementReplyIntent } from '../../../shared/domain/statement';
import { statementMonthDue } from '../../../shared/domain/statement';
import type { TimeEntry } from '../../../shared/domain/billing';
import { ev, plus, run } from '../ticket/ticket-fixtures';

const ZONE = DEFAULT_POLICY.calendar.timezone;
const calendar = slaCalendar(DEFAULT_POLICY);

describe('monthly statements (pure)', () => {
  test.each([
    // [instant, month due]
    ['2026-03-02T14:29:00.000Z', undefined], // Monday 2 March 08:29: the month has not opened yet (1 March is a Sunday)
    ['2026-03-02T14:30:00.000Z', '2026-02'], // 08:30, the first business minute
    ['2026-03-20T18:00:00.000Z', '2026-02'],
    ['2026-01-02T14:30:00.000Z', '2025-12'], // 1 January is a rest day: Friday the 2nd
    ['2026-01-01T18:00:00.000Z', undefined],
    ['2026-02-02T18:00:00.000Z', undefined], // first Monday of February: a rest day
    ['2026-02-03T14:30:00.000Z', '2026-01'],
  ])('at %s the statement of %s is due', (at, month) => {
    expect(statementMonthDue(calendar, ZONE, new Date(at))).toBe(month);
  });

  test('previous month wraps the year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });

  test.each([
    ['De acuerdo.', 'agreed'],
    ['de acuerdo, gracias', 'agreed'],
    ['Estamos de acuerdo con el estado de cuenta', 'agreed'],
    ['Conforme', 'agreed'],
    ['Agreed, thanks', 'agreed'],
    ['OK', 'agreed'],
    ['No estamos de acuerdo con la partida del día 3', 'disputed'],
    ['The session on the 3rd was 30 minutes', 'disputed'],
    ['', 'disputed'],
  ])('a reply "%s" is %s', (text, intent) => {
    expect(statementReplyIntent(text)).toBe(intent);
  });

  test('counts from the event log, lines priced with chargeCents, after-hours with its multiplier', () => {
    const policy = {
      ...DEFAULT_POLICY,
      billing: { ...DEFAULT_POLICY.billing, hourlyRateCents: 60_000, afterHoursMultiplierPercent: 150 },
    };
    const { ticket, log } = run(
      [
        ev('first-response', plus(10), {}),
        ev('budget-extension-requested', plus(20), { requestId: 'x1', minutes: 60, reason: 'more' }),
        ev('budget-extension-approved', plus(30), { requestId: 'x1', minutes: 60 }),
        ev('resolved', plus(40), { summary: 'ok' }),
        ev('resolution-validated', plus(50), {}),
      ],
      { clientId: 'acme' },
    );
    const entry = (id: string, patch: Partial<TimeEntry>): TimeEntry => ({
      id,
      ticketId: ticket.id,
      clientId: 'acme',
      kind: 'work',
      at: plus(15),
      actorId: 's',
      minutes: 60,
      consultants: 1,
      billedMinutes: 60,
      afterHours: false,
      multiplierPercent: 100,
      ...patch,
    });
    const entries = [
      entry('e1', {}),
      entry('e2', {
        kind: 'session',
        minutes: 30,
        consultants: 2,
        billedMinutes: 60,
        afterHours: true,
        multiplierPercent: 150,
        at: plus(25),
      }),
      entry('e3', { clientId: 'other' }),
      entry('e4', { at: '2026-04-01T18:00:00.000Z' }),
    ];
    const data = buildStatement({
      client: { id: 'acme', name: 'ACME', locale: 'en' },
      policy,
      month: '2026-03',
      tickets: [{ ticket, sla: { response: { state: 'met' } as never, resolution: { state: 'met' } as never }, events: log }],
      entries,
    });
    expect(data.tickets).toEqual({ opened: 1, resolved: 1, closedValidated: 1, closedNoResponse: 0 });
    expect(data.extensions).toEqual({ requested: 1, approved: 1, approvedMinutes: 60, refused: 0 });
    expect(data.lines.map((l) => [l.entryId, l.ticketNumber, l.chargeCents])).toEqual([
      ['e1', 'SUP-2026-0001', 60_000],
      ['e2', 'SUP-2026-0001', 90_000],
    ]);
    expect(data.summary.rows.find((r) => r.kind === 'session')).toMatchObject({
      afterHoursMinutes: 60,
      afterHoursWeightedMinutes: 90,
      chargeableMinutes: 90,
      amountCents: 90_000,
    });
    expect(data.summary).toEqual(monthlySummary(entries, policy, 'acme', '2026-03'));
    expect(data.totalCents).toBe(150_000);
    expect(data.compliance.byPriority.high.response).toEqual({ met: 1, breached: 0, pending: 0, percent: 100 });
    expect(
      buildStatement({
        client: { id: 'acme', name: 'ACME', locale: 'en' },
        policy: DEFAULT_POLICY,
        month: '2026-03',
        tickets: [],
        entries,
      }).totalCents,
    ).toBeUndefined();
  });
});
