import fc from 'fast-check';
import { businessMinutesBetween } from '../../../shared/domain/calendar';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { mergePolicy } from '../../../shared/domain/policy';
import { slaCalendar } from '../../../shared/domain/sla';
import { slaStatus } from '../../../shared/domain/sla';
import type { SlaTicket } from '../../../shared/domain/sla';
import { PRIORITIES, type Priority } from '../../../shared/domain/ticket';
import type { AfterHoursWindow } from '../../../shared/domain/billing';
import { REQUESTER, ev, run } from '../ticket/ticket-fixtures';
import { definedOnly } from '../../../shared/domain/index';

const calendar = slaCalendar(DEFAULT_POLICY);
/** Mexico City is UTC-6 all year: local "2026-03-02 09:00" is 15:00Z. */
const mx = (local: string): string =>
  new Date(`${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}.000-06:00`).toISOString();
const at = (local: string): Date => new Date(mx(local));

function ticket(overrides: Partial<SlaTicket> = {}): SlaTicket {
  return { priority: 'high', budgetMinutes: 360, openedAt: mx('2026-03-02 09:00'), pauses: [], ...overrides };
}

describe('response clock, by priority (opened Monday 2026-03-02 09:00)', () => {
  test.each<[Priority, string | undefined, string, string]>([
    ['critical', undefined, '2026-03-02 09:22:30', '2026-03-02 09:30'],
    ['high', '2026-03-02 10:00', '2026-03-02 10:00', '2026-03-02 13:00'],
    ['medium', '2026-03-02 17:00', '2026-03-02 17:00', '2026-03-03 15:30'],
    ['low', '2026-03-03 15:30', '2026-03-03 15:30', '2026-03-04 14:00'],
  ])('%s: target %s, at risk %s, breach %s', (priority, targetAt, atRiskAt, breachAt) => {
    const status = slaStatus(ticket({ priority }), DEFAULT_POLICY, calendar, at('2026-03-02 09:10')).response;
    expect(status).toMatchObject({ state: 'on-track', elapsedMinutes: 10 });
    expect(status.targetAt).toBe(targetAt && mx(targetAt));
    expect(status.atRiskAt).toBe(mx(atRiskAt));
    expect(status.breachAt).toBe(mx(breachAt));
  });

  test.each<[Priority, string, string, number]>([
    ['critical', '2026-03-02 09:20', 'on-track', 20],
    ['critical', '2026-03-02 09:25', 'at-risk', 25],
    ['critical', '2026-03-02 09:30', 'at-risk', 30],
    ['critical', '2026-03-02 09:31', 'breached', 31],
    ['high', '2026-03-02 09:59', 'on-track', 59],
    ['high', '2026-03-02 10:00', 'at-risk', 60],
    ['high', '2026-03-02 13:01', 'breached', 241],
    ['medium', '2026-03-02 16:59', 'on-track', 479],
    ['medium', '2026-03-02 20:00', 'at-risk', 540],
    ['medium', '2026-03-03 08:31', 'at-risk', 541],
    ['low', '2026-03-07 12:00', 'breached', 540 + 570 * 4],
  ])('%s at %s is %s (%p business minutes)', (priority, when, state, elapsed) => {
    const status = slaStatus(ticket({ priority }), DEFAULT_POLICY, calendar, at(when)).response;
    expect(status.state).toBe(state);
    expect(status.elapsedMinutes).toBe(elapsed);
    expect(status.remainingMinutes).toBe(DEFAULT_POLICY.response[priority].breachMinutes - elapsed);
  });

  test('stops at the first response: met or breached, no due instants', () => {
    const met = slaStatus(
      ticket({ priority: 'critical', firstResponseAt: mx('2026-03-02 09:30') }),
      DEFAULT_POLICY,
      calendar,
      at('2026-03-05 12:00'),
    ).response;
    expect(met).toMatchObject({ state: 'met', elapsedMinutes: 30, stoppedAt: mx('2026-03-02 09:30') });
    expect(met.breachAt).toBeUndefined();
    const late = slaStatus(
      ticket({ priority: 'critical', firstResponseAt: mx('2026-03-02 09:45') }),
      DEFAULT_POLICY,
      calendar,
      at('2026-03-05 12:00'),
    ).response;
    expect(late).toMatchObject({ state: 'breached', elapsedMinutes: 45 });
  });

  test('closed time and weekends do not count: Friday 17:00 high breaches Monday 11:30', () => {
    const status = slaStatus(
      ticket({ openedAt: mx('2026-03-06 17:00') }),
      DEFAULT_POLICY,
      calendar,
      at('2026-03-07 12:00'),
    ).response;
    expect(status).toMatchObject({ elapsedMinutes: 60, state: 'at-risk' });
    expect(status.breachAt).toBe(mx('2026-03-09 11:30'));
  });

  test('holidays via the calendar: Monday 2026-03-16 (third Monday of March) is closed', () => {
    const status = slaStatus(
      ticket({ openedAt: mx('2026-03-13 17:00') }),
      DEFAULT_POLICY,
      calendar,
      at('2026-03-16 12:00'),
    ).response;
    expect(status.elapsedMinutes).toBe(60);
    expect(status.breachAt).toBe(mx('2026-03-17 11:30'));
  });

  test('a priority change re-derives the clock from the opening', () => {
    const { ticket: changed } = run([ev('priority-changed', mx('2026-03-02 09:20'), { from: 'high', to: 'critical' })]);
    const status = slaStatus(changed, DEFAULT_POLICY, calendar, at('2026-03-02 09:35')).response;
    expect(status).toMatchObject({ state: 'breached', breachMinutes: 30, elapsedMinutes: 35 });
    expect(status.breachAt).toBe(mx('2026-03-02 09:30'));
  });

  test('the policy decides: an override of the high breach moves it', () => {
    const policy = mergePolicy(DEFAULT_POLICY, { response: { high: { breachMinutes: 120 } }, atRiskPercent: 50 });
    const status = slaStatus(ticket(), policy, slaCalendar(policy), at('2026-03-02 10:00')).response;
    expect(status).toMatchObject({ state: 'at-risk', atRiskMinutes: 60, breachMinutes: 120 });
    expect(status.breachAt).toBe(mx('2026-03-02 11:00'));
  });
});

describe('resolution clock, by incident type and pauses', () => {
  test.each([
    ['technical-regular', 360, '2026-03-02 15:00', '2026-03-02 13:30'],
    ['technical-urgent', 240, '2026-03-02 13:00', '2026-03-02 12:00'],
    ['maintenance', 960, '2026-03-03 15:30', '2026-03-03 11:30'],
    ['research-debugging', 480, '2026-03-02 17:00', '2026-03-02 15:00'],
  ])('%s (%p min budget): breach %s, at risk %s', (_type, budget, breachAt, atRiskAt) => {
    const status = slaStatus(ticket({ budgetMinutes: budget }), DEFAULT_POLICY, calendar, at('2026-03-02 09:30')).resolution;
    expect(status).toMatchObject({
      state: 'on-track',
      elapsedMinutes: 30,
      breachMinutes: budget,
      atRiskMinutes: budget * 0.75,
      targetMinutes: null,
    });
    expect(status.breachAt).toBe(mx(breachAt));
    expect(status.atRiskAt).toBe(mx(atRiskAt));
  });

  test('a closed pause is not counted and pushes the due instants', () => {
    const paused = ticket({
      budgetMinutes: 240,
      pauses: [{ reason: 'waiting-on-client', start: mx('2026-03-02 10:00'), end: mx('2026-03-02 14:00') }],
    });
    const status = slaStatus(paused, DEFAULT_POLICY, calendar, at('2026-03-02 15:00')).resolution;
    expect(status).toMatchObject({ state: 'on-track', elapsedMinutes: 120 });
    expect(status.breachAt).toBe(mx('2026-03-02 17:00'));
  });

  test('an open pause: paused, no due instants; a breach stays a breach', () => {
    const open = ticket({ budgetMinutes: 240, pauses: [{ reason: 'waiting-on-microsoft', start: mx('2026-03-02 10:00') }] });
    const status = slaStatus(open, DEFAULT_POLICY, calendar, at('2026-03-04 15:00')).resolution;
    expect(status).toMatchObject({ state: 'paused', elapsedMinutes: 60 });
    expect(status.breachAt).toBeUndefined();
    const late = ticket({ budgetMinutes: 240, pauses: [{ reason: 'waiting-on-client', start: mx('2026-03-02 14:00') }] });
    expect(slaStatus(late, DEFAULT_POLICY, calendar, at('2026-03-03 10:00')).resolution.state).toBe('breached');
  });

  test('re-open after rejection: the time awaiting validation is skipped, the clock resumes', () => {
    const { ticket: reopened } = run([
      ev('first-response', mx('2026-03-02 09:05'), {}),
      ev('resolved', mx('2026-03-02 11:00'), { summary: 'done' }),
      ev('resolution-rejected', mx('2026-03-02 14:00'), {}, REQUESTER),
    ]);
    const resolvedView = slaStatus(
      run([ev('resolved', mx('2026-03-02 11:00'), { summary: 'done' })]).ticket,
      DEFAULT_POLICY,
      calendar,
      at('2026-03-02 15:00'),
    ).resolution;
    expect(resolvedView).toMatchObject({ state: 'met', elapsedMinutes: 120, stoppedAt: mx('2026-03-02 11:00') });
    const status = slaStatus(reopened, DEFAULT_POLICY, calendar, at('2026-03-02 15:00')).resolution;
    expect(status).toMatchObject({ state: 'on-track', elapsedMinutes: 180 });
    expect(status.breachAt).toBe(mx('2026-03-02 18:00'));
  });

  test('an incident-type change re-picks the budget and re-derives the clock', () => {
    const { ticket: t } = run([
      ev('incident-type-changed', mx('2026-03-02 10:00'), { from: 'technical-regular', to: 'maintenance', budgetMinutes: 1200 }),
    ]);
    const status = slaStatus(t, DEFAULT_POLICY, calendar, at('2026-03-02 15:30')).resolution;
    expect(status).toMatchObject({ state: 'on-track', breachMinutes: 1200, elapsedMinutes: 390 });
    const before = slaStatus(run([]).ticket, DEFAULT_POLICY, calendar, at('2026-03-02 15:30')).resolution;
    expect(before.state).toBe('breached');
  });

  test('approved after-hours windows add open time; requested ones do not', () => {
    const window = (status: AfterHoursWindow['status']): AfterHoursWindow => ({
      id: 'w',
      clientId: 'acme',
      start: mx('2026-03-02 18:00'),
      end: mx('2026-03-02 20:00'),
      status,
      requestedBy: 'ana@acme.mx',
      requestedAt: mx('2026-03-01 10:00'),
    });
    const t = ticket({ openedAt: mx('2026-03-02 17:00') });
    expect(
      slaStatus(t, DEFAULT_POLICY, slaCalendar(DEFAULT_POLICY, [window('approved')]), at('2026-03-02 19:30')).resolution
        .elapsedMinutes,
    ).toBe(150);
    expect(
      slaStatus(t, DEFAULT_POLICY, slaCalendar(DEFAULT_POLICY, [window('requested')]), at('2026-03-02 19:30')).resolution
        .elapsedMinutes,
    ).toBe(60);
  });

  test('closed for no response: the clock stops at the closing', () => {
    const closed = ticket({
      budgetMinutes: 240,
      closedAt: mx('2026-03-09 10:00'),
      pauses: [{ reason: 'waiting-on-client', start: mx('2026-03-02 10:00'), end: mx('2026-03-09 10:00') }],
    });
    const status = slaStatus(closed, DEFAULT_POLICY, calendar, at('2026-03-20 10:00')).resolution;
    expect(status).toMatchObject({ state: 'met', elapsedMinutes: 60, stoppedAt: mx('2026-03-09 10:00') });
  });

  test('asked about an earlier instant, later pauses do not count and an earlier pause reads paused', () => {
    const t = ticket({
      pauses: [
        { reason: 'waiting-on-client', start: mx('2026-03-02 10:00'), end: mx('2026-03-02 12:00') },
        { reason: 'waiting-on-microsoft', start: mx('2026-03-03 09:00') },
      ],
    });
    expect(slaStatus(t, DEFAULT_POLICY, calendar, at('2026-03-02 11:00')).resolution).toMatchObject({
      state: 'paused',
      elapsedMinutes: 60,
    });
    expect(slaStatus(t, DEFAULT_POLICY, calendar, at('2026-03-02 13:00')).resolution).toMatchObject({
      state: 'on-track',
      elapsedMinutes: 120,
    });
  });

  test('JSON of a status carries the instants', () => {
    const json = JSON.parse(JSON.stringify(slaStatus(ticket(), DEFAULT_POLICY, calendar, at('2026-03-02 09:30'))));
    expect(json.response).toMatchObject({
      clock: 'response',
      state: 'on-track',
      startedAt: mx('2026-03-02 09:00'),
      breachAt: mx('2026-03-02 13:00'),
    });
    expect(json.at).toBe(mx('2026-03-02 09:30'));
  });
});

describe('a deadline at closing time', () => {
  // High priority opened Monday 14:00: the 4 business hours are used up at 18:00, closing time.
  const t = ticket({ priority: 'high', openedAt: mx('2026-03-02 14:00') });
  test('is at risk at 18:00 exactly, breached once past it though closed time adds nothing', () => {
    expect(slaStatus(t, DEFAULT_POLICY, calendar, at('2026-03-02 18:00')).response).toMatchObject({
      state: 'at-risk',
      elapsedMinutes: 240,
    });
    expect(slaStatus(t, DEFAULT_POLICY, calendar, at('2026-03-02 18:01')).response).toMatchObject({
      state: 'breached',
      elapsedMinutes: 240,
    });
    expect(slaStatus(t, DEFAULT_POLICY, calendar, at('2026-03-03 08:00')).response.state).toBe('breached');
  });
  test('a reply at 18:00 meets it; a reply that evening is late', () => {
    expect(
      slaStatus({ ...t, firstResponseAt: mx('2026-03-02 18:00') }, DEFAULT_POLICY, calendar, at('2026-03-03 10:00')).response
        .state,
    ).toBe('met');
    expect(
      slaStatus({ ...t, firstResponseAt: mx('2026-03-02 19:30') }, DEFAULT_POLICY, calendar, at('2026-03-03 10:00')).response
        .state,
    ).toBe('breached');
  });
});

describe('properties', () => {
  const opened = fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) })
    .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString());
  test('at breachAt exactly the breach has elapsed (at risk); a second later it is breached', () => {
    fc.assert(
      fc.property(opened, fc.constantFrom(...PRIORITIES), (openedAt, priority) => {
        const t = ticket({ openedAt, priority });
        const breachAt = slaStatus(t, DEFAULT_POLICY, calendar, new Date(openedAt)).response.breachAt as string;
        const there = slaStatus(t, DEFAULT_POLICY, calendar, new Date(breachAt)).response;
        expect(there.elapsedMinutes).toBe(DEFAULT_POLICY.response[priority].breachMinutes);
        expect(there.state).toBe('at-risk');
        expect(slaStatus(t, DEFAULT_POLICY, calendar, new Date(Date.parse(breachAt) + 1000)).response.state).toBe('breached');
      }),
      { numRuns: 300 },
    );
  });

  test('elapsed never decreases with time, and a pause never adds time', () => {
    fc.assert(
      fc.property(
        opened,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 5000 }),
        (openedAt, a, b, pauseLen) => {
          const t0 = Date.parse(openedAt);
          const [early, late] = [Math.min(a, b), Math.max(a, b)].map((m) => new Date(t0 + m * 60_000));
          const t = ticket({ openedAt });
          const e1 = slaStatus(t, DEFAULT_POLICY, calendar, early).resolution.elapsedMinutes;
          const e2 = slaStatus(t, DEFAULT_POLICY, calendar, late).resolution.elapsedMinutes;
          expect(e2).toBeGreaterThanOrEqual(e1);
          const paused = {
            ...t,
            pauses: [
              {
                reason: 'waiting-on-client' as const,
                start: early.toISOString(),
                end: new Date(early.getTime() + pauseLen * 60_000).toISOString(),
              },
            ],
          };
          expect(slaStatus(paused, DEFAULT_POLICY, calendar, late).resolution.elapsedMinutes).toBeLessThanOrEqual(e2);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("clock minutes equal the calendar's business minutes, across years, with pauses, for a whole sweep at one instant", () => {
    const minute = 60_000;
    const instant = fc
      .integer({ min: Date.UTC(2025, 10, 1) / minute, max: Date.UTC(2027, 1, 1) / minute })
      .map((m) => m * minute);
    const pauseOf = fc.tuple(
      fc.integer({ min: 0, max: 200_000 }),
      fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    );
    const ticketOf = fc.record({
      opened: instant,
      priority: fc.constantFrom(...PRIORITIES),
      response: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
      pause: fc.option(pauseOf, { nil: undefined }),
    });
    fc.assert(
      fc.property(instant, fc.array(ticketOf, { minLength: 1, maxLength: 8 }), (now, specs) => {
        const at = new Date(now);
        for (const spec of specs) {
          const iso = (ms: number) => new Date(ms).toISOString();
          const pauses = spec.pause
            ? [
                {
                  reason: 'waiting-on-client' as const,
                  start: iso(spec.opened + spec.pause[0] * minute),
                  ...(spec.pause[1] === undefined ? {} : { end: iso(spec.opened + (spec.pause[0] + spec.pause[1]) * minute) }),
                },
              ]
            : [];
          const t = ticket(
            definedOnly({
              openedAt: iso(spec.opened),
              priority: spec.priority,
              firstResponseAt: spec.response === undefined ? undefined : iso(spec.opened + spec.response * minute),
              pauses,
            }),
          );
          const status = slaStatus(t, DEFAULT_POLICY, calendar, at);
          const clip = (ms: number) => new Date(Math.max(spec.opened, Math.min(ms, now)));
          const responseEnd = clip(spec.response === undefined ? now : spec.opened + spec.response * minute);
          expect(status.response.elapsedMinutes).toBe(businessMinutesBetween(calendar, new Date(spec.opened), responseEnd));
          const spans = pauses
            .map((p) => ({ start: clip(Date.parse(p.start)), end: clip(p.end === undefined ? now : Date.parse(p.end)) }))
            .filter((p) => p.end > p.start);
          expect(status.resolution.elapsedMinutes).toBe(
            businessMinutesBetween(calendar, new Date(spec.opened), clip(now), spans.length ? spans : undefined),
          );
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('slaStatus returns plain data', () => {
  test('plain objects a spread, JSON or structuredClone keep whole; the instants are canonical ISO strings', () => {
    const paused = ticket({
      pauses: [{ reason: 'waiting-on-client', start: mx('2026-03-02 11:00'), end: mx('2026-03-02 12:00') }],
    });
    const status = slaStatus(paused, DEFAULT_POLICY, calendar, at('2026-03-02 13:00'));
    expect(Object.getPrototypeOf(status.resolution)).toBe(Object.prototype);
    expect(structuredClone(status)).toEqual(status);
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
    expect({ ...status.resolution }).toMatchObject({ startedAt: mx('2026-03-02 09:00'), breachAt: mx('2026-03-02 16:00') });
    expect(status.resolution.elapsedMinutes).toBe(180);
  });
});
