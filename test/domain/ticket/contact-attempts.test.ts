import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { slaCalendar } from '../../../shared/domain/sla';
import { contactAttemptStatus, finalNoticeDue } from '../../../shared/domain/ticket';
import type { Ticket } from '../../../shared/domain/ticket';
import { definedOnly } from '../../../shared/domain/index';

const calendar = slaCalendar(DEFAULT_POLICY);
type Shape = Pick<Ticket, 'status' | 'contactAttempts' | 'finalNoticeAt' | 'lastContactAttemptAt' | 'lastActivityAt'>;
const MONDAY_10 = '2026-03-02T16:00:00.000Z'; // Monday 10:00 in Mexico City
const waiting = (attempts: number, last = MONDAY_10, extra: Partial<Shape> = {}): Shape => ({
  status: 'waiting-on-client',
  contactAttempts: attempts,
  ...definedOnly({ lastContactAttemptAt: attempts ? last : undefined }),
  lastActivityAt: last,
  ...extra,
});

describe('contactAttemptStatus: at most the policy count, one business day (570 min) apart', () => {
  it.each([
    ['first attempt of a waiting ticket', waiting(0), MONDAY_10, { allowed: true }],
    [
      'a minute after attempt 1',
      waiting(1),
      '2026-03-02T16:01:00.000Z',
      { allowed: false, blocked: 'too-soon', nextAttemptAt: '2026-03-03T16:00:00.000Z' },
    ],
    ['exactly 570 business minutes later (Tuesday 10:00)', waiting(1), '2026-03-03T16:00:00.000Z', { allowed: true }],
    [
      'Friday 17:00 attempt: next possible Monday 17:00 (weekend closed)',
      waiting(2, '2026-03-06T23:00:00.000Z'),
      '2026-03-09T16:00:00.000Z',
      { allowed: false, blocked: 'too-soon', nextAttemptAt: '2026-03-09T23:00:00.000Z' },
    ],
    [
      'third of three made: none more, final notice due a business day later',
      waiting(3),
      '2026-03-10T16:00:00.000Z',
      { allowed: false, blocked: 'all-attempts-made', finalNoticeDueAt: '2026-03-03T16:00:00.000Z' },
    ],
    [
      'after the final notice',
      waiting(3, MONDAY_10, { finalNoticeAt: MONDAY_10 }),
      '2026-03-10T16:00:00.000Z',
      { allowed: false, blocked: 'final-notice-sent' },
    ],
    [
      'an open ticket takes no bare attempt',
      { ...waiting(0), status: 'open' as const },
      MONDAY_10,
      { allowed: false, blocked: 'status' },
    ],
    [
      'a ticket saved before lastContactAttemptAt existed is spaced from its last activity',
      { status: 'waiting-on-client' as const, contactAttempts: 1, lastActivityAt: MONDAY_10 },
      '2026-03-02T20:00:00.000Z',
      { allowed: false, blocked: 'too-soon' },
    ],
  ])('%s', (_label, ticket, now, expected) => {
    expect(contactAttemptStatus(ticket as Shape, DEFAULT_POLICY, calendar, new Date(now))).toMatchObject(expected);
  });

  it('the final notice is due only once the last attempt has gone unanswered for the spacing', () => {
    const ticket = waiting(3);
    const at = (iso: string) =>
      finalNoticeDue(contactAttemptStatus(ticket, DEFAULT_POLICY, calendar, new Date(iso)), new Date(iso));
    expect(at('2026-03-03T15:59:00.000Z')).toBe(false);
    expect(at('2026-03-03T16:00:00.000Z')).toBe(true);
    expect(
      finalNoticeDue(
        contactAttemptStatus(waiting(2), DEFAULT_POLICY, calendar, new Date('2026-03-20T16:00:00.000Z')),
        new Date('2026-03-20T16:00:00.000Z'),
      ),
    ).toBe(false);
  });

  it('follows a contract that overrides the spacing', () => {
    const policy = { ...DEFAULT_POLICY, noResponse: { ...DEFAULT_POLICY.noResponse, minBusinessMinutesBetweenAttempts: 60 } };
    expect(contactAttemptStatus(waiting(1), policy, slaCalendar(policy), new Date('2026-03-02T16:30:00.000Z'))).toMatchObject({
      blocked: 'too-soon',
      nextAttemptAt: '2026-03-02T17:00:00.000Z',
    });
  });
});
