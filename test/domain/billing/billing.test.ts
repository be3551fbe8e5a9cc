import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { mergePolicy } from '../../../shared/domain/policy';
import { slaCalendar } from '../../../shared/domain/sla';
import { buildTimeEntry, type TimeEntryFacts } from '../../../shared/domain/billing';
import { chargeCents } from '../../../shared/domain/billing';
import { budgetAlertsCrossed, budgetStatus, extensionRequests } from '../../../shared/domain/billing';
import { monthlySummary } from '../../../shared/domain/billing';
import type { AfterHoursWindow } from '../../../shared/domain/billing';
import { FOLLOW_UP_KINDS } from '../../../shared/domain/ticket';
import { REQUESTER, ev, run } from '../ticket/ticket-fixtures';

const policy = mergePolicy(DEFAULT_POLICY, { billing: { hourlyRateCents: 100_000 } }); // 1,000.00 MXN / hour
const calendar = slaCalendar(policy);
const mx = (local: string): string => new Date(`${local.replace(' ', 'T')}:00.000-06:00`).toISOString();
const window = (status: AfterHoursWindow['status'], clientId = 'acme'): AfterHoursWindow => ({
  id: `w-${status}`,
  clientId,
  start: mx('2026-03-02 18:00'),
  end: mx('2026-03-02 22:00'),
  status,
  requestedBy: 'ana@acme.mx',
  requestedAt: mx('2026-03-01 09:00'),
});
const context = (windows: AfterHoursWindow[] = []) => ({ policy, calendar, windows });
const base = { id: 'e1', ticketId: 't-1', clientId: 'acme', actorId: 'staff-2' };

describe('buildTimeEntry', () => {
  test.each(FOLLOW_UP_KINDS)('follow-up "%s" is charged the fixed 15 minutes', (followUpKind) => {
    const entry = buildTimeEntry({ ...base, kind: 'follow-up', followUpKind, at: mx('2026-03-02 10:00') }, context());
    expect(entry).toMatchObject({
      kind: 'follow-up',
      followUpKind,
      minutes: 15,
      consultants: 1,
      billedMinutes: 15,
      afterHours: false,
      multiplierPercent: 100,
    });
  });

  test('a session bills duration x consultants; work bills its minutes', () => {
    expect(
      buildTimeEntry({ ...base, kind: 'session', minutes: 90, consultants: 3, at: mx('2026-03-02 10:00') }, context()),
    ).toMatchObject({ minutes: 90, consultants: 3, billedMinutes: 270 });
    expect(buildTimeEntry({ ...base, kind: 'work', minutes: 45, at: mx('2026-03-02 10:00') }, context())).toMatchObject({
      minutes: 45,
      billedMinutes: 45,
    });
  });

  test.each<[string, string, AfterHoursWindow[], object]>([
    ['inside support hours', '2026-03-02 17:59', [window('approved')], { afterHours: false, multiplierPercent: 100 }],
    [
      'after hours inside an approved window',
      '2026-03-02 19:00',
      [window('approved')],
      { afterHours: true, multiplierPercent: 150 },
    ],
    [
      'after hours, window only requested',
      '2026-03-02 19:00',
      [window('requested')],
      { afterHours: true, multiplierPercent: 100, flag: 'after-hours-unapproved' },
    ],
    [
      'after hours, window of another client',
      '2026-03-02 19:00',
      [window('approved', 'other')],
      { afterHours: true, multiplierPercent: 100, flag: 'after-hours-unapproved' },
    ],
    [
      'after hours past the window end',
      '2026-03-02 22:00',
      [window('approved')],
      { afterHours: true, multiplierPercent: 100, flag: 'after-hours-unapproved' },
    ],
    ['on a holiday (2026-03-16)', '2026-03-16 10:00', [], { afterHours: true, flag: 'after-hours-unapproved' }],
  ])('%s', (_label, when, windows, expected) => {
    const entry = buildTimeEntry({ ...base, kind: 'work', minutes: 60, at: mx(when) }, context(windows));
    expect(entry).toMatchObject(expected);
    if (!('flag' in expected)) expect(entry.flag).toBeUndefined();
  });

  test.each<[string, TimeEntryFacts]>([
    ['minutes', { ...base, kind: 'work', minutes: 12.5, at: mx('2026-03-02 10:00') }],
    ['consultants', { ...base, kind: 'session', minutes: 60, consultants: 0, at: mx('2026-03-02 10:00') }],
    ['at', { ...base, kind: 'work', minutes: 60, at: 'soon' }],
  ])('bad %s is refused naming the field', (field, facts) => {
    expect(() => buildTimeEntry(facts, context())).toThrow(expect.objectContaining({ field }));
  });
});

describe('chargeCents (integer money)', () => {
  test.each([
    [15, 100, 25_000],
    [15, 150, 37_500],
    [270, 100, 450_000],
    [1, 100, 1_667], // 1,666.67 rounds half up
    [1, 150, 2_500],
  ])('%p billed minutes at %p%% -> %p cents', (billedMinutes, multiplierPercent, cents) => {
    const value = chargeCents(billedMinutes * multiplierPercent, policy);
    expect(value).toBe(cents);
    expect(Number.isInteger(value)).toBe(true);
  });
  test('no rate in the contract: zero', () => {
    expect(chargeCents(60 * 150, DEFAULT_POLICY)).toBe(0);
  });
  test('refuses a fractional or negative weighted time (it is kept as whole minute-percents)', () => {
    expect(() => chargeCents(22.5, policy)).toThrow(expect.objectContaining({ field: 'percentMinutes' }));
    expect(() => chargeCents(-1, policy)).toThrow(expect.objectContaining({ field: 'percentMinutes' }));
  });
});

describe('budget', () => {
  test('consumed vs budget, alerts reached, over budget without approval', () => {
    expect(budgetStatus({ budgetMinutes: 360, consumedMinutes: 300 }, policy)).toMatchObject({
      percent: 83,
      remainingMinutes: 60,
      alertsReached: [80],
      overBudgetWithoutApproval: false,
    });
    expect(budgetStatus({ budgetMinutes: 360, consumedMinutes: 360 }, policy)).toMatchObject({
      alertsReached: [80, 100],
      overBudgetWithoutApproval: false,
    });
    expect(
      budgetStatus(
        {
          budgetMinutes: 360,
          consumedMinutes: 375,
          pendingExtension: { requestId: 'r', minutes: 60, requestedAt: mx('2026-03-02 10:00') },
        },
        policy,
      ),
    ).toMatchObject({ overBudgetWithoutApproval: true, remainingMinutes: -15, pendingExtension: { requestId: 'r' } });
  });

  test.each([
    [270, 285, []],
    [280, 290, [80]],
    [280, 400, [80, 100]],
    [290, 360, [100]],
    [360, 375, []],
  ])('from %p to %p of 360 crosses %p', (before, after, crossed) => {
    expect(budgetAlertsCrossed(before, after, 360, policy)).toEqual(crossed);
  });

  test('the approved budget follows the log: requests pending, approved, refused', () => {
    const { ticket, log } = run([
      ev('first-response', mx('2026-03-02 09:05'), {}),
      ev('work-logged', mx('2026-03-02 12:00'), { minutes: 300, entryId: 'w1' }),
      ev('budget-extension-requested', mx('2026-03-02 12:05'), { requestId: 'r1', minutes: 120, reason: 'more logs' }),
      ev('budget-extension-refused', mx('2026-03-02 13:00'), { requestId: 'r1', reason: 'no' }, REQUESTER),
      ev('budget-extension-requested', mx('2026-03-02 13:05'), { requestId: 'r2', minutes: 60, reason: 'less' }),
      ev('budget-extension-approved', mx('2026-03-02 14:00'), { requestId: 'r2', minutes: 60 }, REQUESTER),
      ev('work-logged', mx('2026-03-02 15:00'), { minutes: 100, entryId: 'w2' }),
      ev('budget-extension-requested', mx('2026-03-02 15:05'), { requestId: 'r3', minutes: 30, reason: 'wrap up' }),
    ]);
    expect(extensionRequests(log).map((r) => [r.requestId, r.status])).toEqual([
      ['r1', 'refused'],
      ['r2', 'approved'],
      ['r3', 'pending'],
    ]);
    expect(budgetStatus(ticket, policy)).toMatchObject({
      budgetMinutes: 420,
      consumedMinutes: 400,
      overBudgetWithoutApproval: false,
      pendingExtension: { requestId: 'r3' },
    });
  });
});

describe('monthlySummary', () => {
  test('by kind, after-hours separate, only the client and month asked for (months in Mexico City time)', () => {
    const windows = [window('approved')];
    const entries = [
      buildTimeEntry(
        { ...base, id: 'a', kind: 'follow-up', followUpKind: 'progress', at: mx('2026-03-02 10:00') },
        context(windows),
      ),
      buildTimeEntry(
        { ...base, id: 'b', kind: 'session', minutes: 60, consultants: 2, at: mx('2026-03-02 11:00') },
        context(windows),
      ),
      buildTimeEntry({ ...base, id: 'c', kind: 'work', minutes: 60, at: mx('2026-03-02 19:00') }, context(windows)),
      buildTimeEntry({ ...base, id: 'd', kind: 'work', minutes: 30, at: mx('2026-03-03 23:00') }, context(windows)),
      buildTimeEntry({ ...base, id: 'e', kind: 'work', minutes: 30, at: mx('2026-02-28 17:00') }, context(windows)),
      buildTimeEntry({ ...base, id: 'f', kind: 'work', minutes: 30, at: mx('2026-03-31 23:30') }, context(windows)),
      buildTimeEntry(
        { ...base, id: 'g', clientId: 'other', kind: 'work', minutes: 30, at: mx('2026-03-02 10:00') },
        context(windows),
      ),
    ];
    const summary = monthlySummary(entries, policy, 'acme', '2026-03');
    const byKind = Object.fromEntries(summary.rows.map(({ kind, ...line }) => [kind, line]));
    expect(summary).toMatchObject({
      from: '2026-03-01T06:00:00.000Z',
      to: '2026-04-01T06:00:00.000Z',
      hourlyRateCents: 100_000,
      currency: 'MXN',
    });
    expect(byKind['follow-up']).toEqual({
      entries: 1,
      regularMinutes: 15,
      afterHoursMinutes: 0,
      afterHoursWeightedMinutes: 0,
      unapprovedAfterHoursMinutes: 0,
      chargeableMinutes: 15,
      amountCents: 25_000,
    });
    expect(byKind.session).toEqual({
      entries: 1,
      regularMinutes: 120,
      afterHoursMinutes: 0,
      afterHoursWeightedMinutes: 0,
      unapprovedAfterHoursMinutes: 0,
      chargeableMinutes: 120,
      amountCents: 200_000,
    });
    expect(byKind.work).toEqual({
      entries: 3,
      regularMinutes: 0,
      afterHoursMinutes: 60,
      afterHoursWeightedMinutes: 90,
      unapprovedAfterHoursMinutes: 60,
      chargeableMinutes: 150,
      amountCents: 250_000,
    });
    expect(summary.unapprovedAfterHours).toEqual(['d', 'f']);
    expect(summary.total).toEqual({
      entries: 5,
      regularMinutes: 135,
      afterHoursMinutes: 60,
      afterHoursWeightedMinutes: 90,
      unapprovedAfterHoursMinutes: 60,
      chargeableMinutes: 285,
      amountCents: 475_000,
    });
    expect(() => monthlySummary(entries, policy, 'acme', '2026-13')).toThrow(expect.objectContaining({ field: 'month' }));
  });

  test('three after-hours follow-ups at 150% at 1,000.00 MXN/h: 67.5 weighted minutes, 1,125.00 (money rounded once, not the minutes)', () => {
    const windows = [window('approved')];
    const entries = ['19:00', '19:20', '19:40'].map((time, i) =>
      buildTimeEntry(
        { ...base, id: `f${i}`, kind: 'follow-up', followUpKind: 'follow-up', at: mx(`2026-03-02 ${time}`) },
        context(windows),
      ),
    );
    const summary = monthlySummary(entries, policy, 'acme', '2026-03');
    expect(summary.total).toMatchObject({
      afterHoursMinutes: 45,
      afterHoursWeightedMinutes: 67.5,
      chargeableMinutes: 67.5,
      amountCents: 112_500,
    });
  });

  test('a single after-hours follow-up keeps its 22.5 weighted minutes exact', () => {
    const entry = buildTimeEntry(
      { ...base, kind: 'follow-up', followUpKind: 'progress', at: mx('2026-03-02 19:00') },
      context([window('approved')]),
    );
    expect(monthlySummary([entry], policy, 'acme', '2026-03').total).toMatchObject({
      afterHoursWeightedMinutes: 22.5,
      amountCents: 37_500,
    });
  });
});
