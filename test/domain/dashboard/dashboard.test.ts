import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { slaCalendar } from '../../../shared/domain/sla';
import { slaStatus } from '../../../shared/domain/sla';
import type { TimeEntry } from '../../../shared/domain/billing';
import { monthsEndingAt, monthSpan } from '../../../shared/domain/dashboard';
import { slaCompliance } from '../../../shared/domain/dashboard';
import { holderAt, slaIncidents } from '../../../shared/domain/dashboard';
import { openTicketProfile } from '../../../shared/domain/dashboard';
import { consultantWorkload } from '../../../shared/domain/dashboard';
import { hoursAgainstBudgets } from '../../../shared/domain/dashboard';
import type { DashboardTicket } from '../../../shared/domain/dashboard';
import type { Ticket } from '../../../shared/domain/ticket';
import { ev, plus, run } from '../ticket/ticket-fixtures';

const ZONE = DEFAULT_POLICY.calendar.timezone;
const calendar = slaCalendar(DEFAULT_POLICY);
/** Friday 6 March 2026, 17:00 in Mexico City. */
const NOW = new Date('2026-03-06T23:00:00.000Z');

function row(ticket: Ticket, at = NOW): DashboardTicket {
  return { ticket, sla: slaStatus(ticket, DEFAULT_POLICY, calendar, at), policy: DEFAULT_POLICY, calendar };
}

// Opened Monday 2 March 09:00 (high: response breach 4 business hours, at risk from 1 h).
const onTime = run(
  [
    ev('assigned', plus(5), { assigneeId: 'lena' }),
    ev('first-response', plus(30), {}),
    ev('resolved', plus(120), { summary: 'ok' }),
  ],
  { id: 't-on-time' },
).ticket;
const nearMiss = run([ev('first-response', plus(200), {})], { id: 't-near', number: 'SUP-2026-0002' }).ticket;
const late = run(
  [
    ev('assigned', plus(10), { assigneeId: 'lena' }),
    ev('assigned', plus(100), { assigneeId: 'omar' }),
    ev('first-response', plus(300), {}),
  ],
  { id: 't-late', number: 'SUP-2026-0003', clientId: 'globex', priority: 'high' },
);
const lateRunning = run([], {
  id: 't-running',
  number: 'SUP-2026-0004',
  priority: 'critical',
  at: '2026-02-10T16:00:00.000Z',
}).ticket;

describe('dashboard aggregations (pure, over slaStatus)', () => {
  test('months: twelve months ending at a month, in the calendar zone', () => {
    const months = monthsEndingAt('2026-03', 12, ZONE);
    expect(months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(new Date(monthSpan('2026-03', ZONE).from).toISOString()).toBe('2026-03-01T06:00:00.000Z');
    expect(() => monthSpan('2026-13', ZONE)).toThrow('is not a month');
  });

  test('compliance per month, priority and client: met kept, breached missed, running pending', () => {
    const months = monthsEndingAt('2026-03', 2, ZONE);
    const [feb, mar] = slaCompliance(
      [onTime, nearMiss, late.ticket, lateRunning].map((x) => row(x)),
      months,
    );
    expect(feb.response).toEqual({ met: 0, breached: 1, pending: 0, percent: 0 });
    expect(feb.byPriority.critical.response.breached).toBe(1);
    expect(mar.response).toEqual({ met: 2, breached: 1, pending: 0, percent: 66.6 });
    expect(mar.resolution).toEqual({ met: 1, breached: 2, pending: 0, percent: 33.3 });
    expect(mar.byClient.globex.response).toEqual({ met: 0, breached: 1, pending: 0, percent: 0 });
    expect(mar.byClient.acme.response.percent).toBe(100);
    expect(mar.byPriority.low.response.percent).toBeNull();
  });

  test('breaches of the week dated at their breach instant, near misses at their stop, with who held them', () => {
    const incidents = slaIncidents(
      [onTime, nearMiss, late.ticket, lateRunning].map((x) => row(x)),
      new Date('2026-03-02T06:00:00.000Z'),
      new Date('2026-03-09T06:00:00.000Z'),
    );
    const response = incidents.filter((i) => i.clock === 'response').map((i) => [i.ticketId, i.kind, i.at]);
    expect(response).toEqual([
      ['t-near', 'near-miss', plus(200)],
      ['t-late', 'breach', plus(240)],
    ]);
    expect(holderAt(late.log, plus(240))).toBe('omar');
    expect(holderAt(late.log, plus(50))).toBe('lena');
    expect(holderAt(late.log, plus(1))).toBeUndefined();
  });

  test('open tickets by age and level, Microsoft cases waiting', () => {
    const waiting = run(
      [
        ev('first-response', plus(20), {}),
        ev('escalated', plus(30), { from: 'L1', to: 'L4', reason: 'product bug', microsoftCaseNumber: '2603020040001' }),
      ],
      { id: 't-ms', number: 'SUP-2026-0005' },
    ).ticket;
    const profile = openTicketProfile([onTime, nearMiss, waiting, lateRunning], NOW);
    expect(profile.total).toBe(3);
    expect(profile.byAge['3to7d'].L1).toBe(1);
    expect(profile.byAge['3to7d'].L4).toBe(1);
    expect(profile.byAge['7to30d'].L1).toBe(1);
    expect(profile.microsoftWaiting).toEqual([{ ticketId: 't-ms', caseNumber: '2603020040001', since: plus(30) }]);
  });

  test('workload per consultant and hours against budgets (monthlySummary, budgetStatus)', () => {
    const entry = (id: string, ticketId: string, clientId: string, actorId: string, billedMinutes: number): TimeEntry => ({
      id,
      ticketId,
      clientId,
      kind: 'work',
      at: plus(60),
      actorId,
      minutes: billedMinutes,
      consultants: 1,
      billedMinutes,
      afterHours: false,
      multiplierPercent: 100,
    });
    const entries = [
      entry('e1', 't-late', 'globex', 'omar', 300),
      entry('e2', 't-late', 'globex', 'omar', 120),
      entry('e3', 't-near', 'acme', 'lena', 60),
    ];
    const load = consultantWorkload(
      [late.ticket, nearMiss].map((x) => row(x)),
      entries,
    );
    expect(load.find((l) => l.consultantId === 'omar')).toEqual({
      consultantId: 'omar',
      open: 1,
      breached: 1,
      atRisk: 0,
      billedMinutes: 420,
    });
    expect(load.find((l) => l.consultantId === '')?.open).toBe(1);
    const overBudget = { ...late.ticket, consumedMinutes: 420 };
    const hours = hoursAgainstBudgets({
      month: '2026-03',
      entries,
      tickets: new Map([
        ['t-late', { ticket: overBudget, policy: DEFAULT_POLICY }],
        ['t-near', { ticket: nearMiss, policy: DEFAULT_POLICY }],
      ]),
      clientPolicies: new Map([
        ['acme', DEFAULT_POLICY],
        ['globex', DEFAULT_POLICY],
      ]),
    });
    expect(hours.tickets[0]).toMatchObject({
      ticketId: 't-late',
      monthMinutes: 420,
      budget: { budgetMinutes: 360, overBudgetWithoutApproval: true },
    });
    expect(hours.clients.find((c) => c.clientId === 'globex')).toMatchObject({
      billedMinutes: 420,
      overBudgetWithoutApproval: 1,
      budgetMinutes: 360,
    });
  });
});
