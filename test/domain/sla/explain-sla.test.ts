import fc from 'fast-check';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { explainSla } from '../../../shared/domain/sla';
import { formatDuration, formatSlaExplanation } from '../../../shared/domain/sla';
import { slaCalendar } from '../../../shared/domain/sla';
import { slaStatus } from '../../../shared/domain/sla';
import { REQUESTER, ev, run } from '../ticket/ticket-fixtures';

const calendar = slaCalendar(DEFAULT_POLICY);
const mx = (local: string): string => new Date(`${local.replace(' ', 'T')}:00.000-06:00`).toISOString();

/** Opened Friday 2026-03-13 17:00; Monday 16 is a holiday; waits on the client Tue 10:00-12:00. */
const { ticket, log } = run(
  [
    ev('priority-changed', mx('2026-03-13 17:10'), { from: 'high', to: 'medium' }),
    ev('first-response', mx('2026-03-13 17:30'), {}),
    ev('information-requested', mx('2026-03-17 10:00'), { question: 'Logs?', attempt: 1 }),
    ev('client-replied', mx('2026-03-17 12:00'), {}, REQUESTER),
  ],
  { at: mx('2026-03-13 17:00') },
);
const at = new Date(mx('2026-03-17 13:00'));

describe('explainSla', () => {
  const explanation = explainSla(ticket, log, DEFAULT_POLICY, calendar, at);

  test('the counted spans add up to the clock, and the parts cover start..until exactly', () => {
    const status = slaStatus(ticket, DEFAULT_POLICY, calendar, at);
    for (const clock of [explanation.response, explanation.resolution]) {
      const counted = clock.spans.filter((s) => s.kind === 'counted').reduce((sum, s) => sum + s.minutes, 0);
      expect(counted).toBe(clock.countedMinutes);
      const total = clock.spans.reduce((sum, s) => sum + s.minutes, 0);
      expect(total).toBe((Date.parse(clock.countedUntil) - Date.parse(clock.startedAt)) / 60_000);
      for (let i = 1; i < clock.spans.length; i++) expect(clock.spans[i].start).toBe(clock.spans[i - 1].end);
    }
    expect(explanation.response.countedMinutes).toBe(status.response.elapsedMinutes);
    expect(explanation.resolution.countedMinutes).toBe(status.resolution.elapsedMinutes);
  });

  test('resolution: Fri 60 + Tue 08:30-10:00 90 + 12:00-13:00 60 = 210; holiday, nights and the pause skipped', () => {
    const r = explanation.resolution;
    expect(r.countedMinutes).toBe(210);
    expect(r.spans.filter((s) => s.kind === 'counted').map((s) => [s.start, s.end])).toEqual([
      [mx('2026-03-13 17:00'), mx('2026-03-13 18:00')],
      [mx('2026-03-17 08:30'), mx('2026-03-17 10:00')],
      [mx('2026-03-17 12:00'), mx('2026-03-17 13:00')],
    ]);
    expect(r.spans.find((s) => s.kind === 'holiday')).toMatchObject({ date: '2026-03-16', minutes: 570 });
    expect(r.spans.find((s) => s.kind === 'pause')).toMatchObject({
      pauseReason: 'waiting-on-client',
      minutes: 120,
      start: mx('2026-03-17 10:00'),
    });
    expect(r.skippedMinutes).toMatchObject({ holiday: 570, pause: 120 });
  });

  test('response: stopped at the first response after 30 minutes, met', () => {
    expect(explanation.response).toMatchObject({ stopped: true, countedMinutes: 30, state: 'met', breachMinutes: 960 });
  });

  test('the changes that moved the clocks come from the log', () => {
    expect(explanation.changes.map((c) => c.type)).toEqual([
      'opened',
      'priority-changed',
      'first-response',
      'information-requested',
      'client-replied',
    ]);
    expect(explanation.changes[1].detail).toEqual({ from: 'high', to: 'medium' });
  });

  test.each([
    [
      'en',
      [
        'SLA receipt for SUP-2026-0001, as of Tue 17 Mar 2026 13:00',
        'Policy: default (version p-',
        'Times: Mexico City time',
        'Resolution clock (Technical (regular), budget 6 h): On track',
        'holiday 2026-03-16',
        'paused (Waiting on client)',
        'priority High -> Medium',
        'Legend: + counts against the clock',
      ],
    ],
    [
      'es-MX',
      [
        'Comprobante de SLA de SUP-2026-0001, al mar 17 mar 2026 13:00',
        'Política: default (versión p-',
        'Horario: hora de la Ciudad de México',
        'Reloj de resolución (Técnico regular, presupuesto 6 h): En tiempo',
        'día feriado 2026-03-16',
        'prioridad Alta -> Media',
        'Leyenda:',
      ],
    ],
  ] as const)('formatSlaExplanation in %s reads like a receipt', (locale, fragments) => {
    const text = formatSlaExplanation(explanation, locale);
    for (const fragment of fragments) expect(text).toContain(fragment);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text).not.toMatch(/\d\.\d+ min|America\/Mexico_City/);
  });

  test('the receipt: each span with its hours and minutes in one column, then the totals', () => {
    const lines = formatSlaExplanation(explanation, 'en').split('\n');
    const amountColumn = (line: string) => line.length;
    const resolution = lines.slice(lines.findIndex((l) => l.startsWith('Resolution clock')));
    expect(resolution.slice(1, 8).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      '+ Fri 13 Mar 2026 17:00 - Fri 13 Mar 2026 18:00 counted 1 h',
      'Fri 13 Mar 2026 18:00 - Mon 16 Mar 2026 08:30 closed 62 h 30 min',
      'Mon 16 Mar 2026 08:30 - Mon 16 Mar 2026 18:00 holiday 2026-03-16 9 h 30 min',
      'Mon 16 Mar 2026 18:00 - Tue 17 Mar 2026 08:30 closed 14 h 30 min',
      '+ Tue 17 Mar 2026 08:30 - Tue 17 Mar 2026 10:00 counted 1 h 30 min',
      'Tue 17 Mar 2026 10:00 - Tue 17 Mar 2026 12:00 paused (Waiting on client) 2 h',
      '+ Tue 17 Mar 2026 12:00 - Tue 17 Mar 2026 13:00 counted 1 h',
    ]);
    expect(new Set([...resolution.slice(1, 8), ...resolution.slice(9, 12)].map(amountColumn)).size).toBe(1);
    expect(resolution.slice(9, 12).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'Counted 3 h 30 min',
      'Allowed before breach 6 h',
      'Left 2 h 30 min',
    ]);
  });

  test.each([
    [0, '0 min'],
    [0.14, '< 1 min'],
    [22.5, '23 min'],
    [60, '1 h'],
    [125, '2 h 5 min'],
    [2310, '38 h 30 min'],
  ])('formatDuration(%s) is %s', (minutes, text) => {
    expect(formatDuration(minutes, 'en')).toBe(text);
  });

  test('without events there is no change list; a running clock gives its due instants', () => {
    const open = run([], { at: mx('2026-03-13 17:00') }).ticket;
    const e = explainSla(open, undefined, DEFAULT_POLICY, calendar, at);
    expect(e.changes).toEqual([]);
    expect(e.response).toMatchObject({ stopped: false, state: 'breached' });
    expect(e.resolution.breachAt).toBe(slaStatus(open, DEFAULT_POLICY, calendar, at).resolution.breachAt);
  });
});

describe('explainSla properties', () => {
  test('for random tickets the counted spans equal the status and the spans tile the counted range', () => {
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1) / minute, max: Date.UTC(2026, 11, 1) / minute }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 8_000 }),
        fc.boolean(),
        (openedMinute, pauseOffset, atOffset, pauseLength, pauseOpen) => {
          const openedAt = new Date(openedMinute * minute).toISOString();
          const pauseStart = new Date((openedMinute + pauseOffset) * minute).toISOString();
          const pause = pauseOpen
            ? { reason: 'waiting-on-client' as const, start: pauseStart }
            : {
                reason: 'waiting-on-client' as const,
                start: pauseStart,
                end: new Date((openedMinute + pauseOffset + pauseLength) * minute).toISOString(),
              };
          const t = { ...run([]).ticket, openedAt, lastActivityAt: openedAt, pauses: [pause] };
          const when = new Date((openedMinute + atOffset) * minute);
          const status = slaStatus(t, DEFAULT_POLICY, calendar, when);
          const e = explainSla(t, undefined, DEFAULT_POLICY, calendar, when);
          expect(e.resolution.countedMinutes).toBeCloseTo(status.resolution.elapsedMinutes, 9);
          expect(e.response.countedMinutes).toBeCloseTo(status.response.elapsedMinutes, 9);
          const covered = e.resolution.spans.reduce((sum, s) => sum + s.minutes, 0);
          expect(covered).toBeCloseTo((Date.parse(e.resolution.countedUntil) - Date.parse(e.resolution.startedAt)) / minute, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
