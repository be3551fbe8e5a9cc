import { InvalidTransitionError } from '../../../shared/domain/common';
import { applyEvent } from '../../../shared/domain/ticket';
import { TRANSITIONS, allowedEvents, nextStatus, type TransitionKey } from '../../../shared/domain/ticket';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/domain/ticket';
import { ev, plus, run } from './ticket-fixtures';

/** The expected table, written out cell by cell from POLICY.md (a refusal is "-"). */
const EXPECTED: Array<[TransitionKey, Record<TicketStatus, TicketStatus | '-'>]> = [
  [
    'first-response',
    { new: 'open', open: '-', 'waiting-on-client': '-', 'waiting-on-microsoft': '-', resolved: '-', closed: '-' },
  ],
  [
    'information-requested',
    {
      new: 'waiting-on-client',
      open: 'waiting-on-client',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': '-',
      resolved: '-',
      closed: '-',
    },
  ],
  [
    'contact-attempted',
    {
      new: '-',
      open: '-',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': '-',
      resolved: 'resolved',
      closed: '-',
    },
  ],
  [
    'final-notice-sent',
    {
      new: '-',
      open: '-',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': '-',
      resolved: 'resolved',
      closed: '-',
    },
  ],
  [
    'closed-no-response',
    { new: '-', open: '-', 'waiting-on-client': 'closed', 'waiting-on-microsoft': '-', resolved: 'closed', closed: '-' },
  ],
  [
    'client-replied',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'open',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: 'resolved',
      closed: '-',
    },
  ],
  [
    'escalated',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': '-',
      resolved: '-',
      closed: '-',
    },
  ],
  [
    'escalated-to-L4',
    { new: '-', open: 'waiting-on-microsoft', 'waiting-on-client': '-', 'waiting-on-microsoft': '-', resolved: '-', closed: '-' },
  ],
  [
    'microsoft-case-recorded',
    { new: '-', open: '-', 'waiting-on-client': '-', 'waiting-on-microsoft': 'waiting-on-microsoft', resolved: '-', closed: '-' },
  ],
  [
    'microsoft-responded',
    { new: '-', open: '-', 'waiting-on-client': '-', 'waiting-on-microsoft': 'open', resolved: '-', closed: '-' },
  ],
  [
    'resolved',
    {
      new: 'resolved',
      open: 'resolved',
      'waiting-on-client': 'resolved',
      'waiting-on-microsoft': 'resolved',
      resolved: '-',
      closed: '-',
    },
  ],
  [
    'resolution-validated',
    { new: '-', open: '-', 'waiting-on-client': '-', 'waiting-on-microsoft': '-', resolved: 'closed', closed: '-' },
  ],
  [
    'resolution-rejected',
    { new: '-', open: '-', 'waiting-on-client': '-', 'waiting-on-microsoft': '-', resolved: 'open', closed: '-' },
  ],
  [
    'budget-extension-requested',
    {
      new: '-',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: '-',
      closed: '-',
    },
  ],
  [
    'budget-extension-approved',
    {
      new: '-',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: 'resolved',
      closed: '-',
    },
  ],
  [
    'priority-changed',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: '-',
      closed: '-',
    },
  ],
  [
    'incident-type-changed',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: '-',
      closed: '-',
    },
  ],
  [
    'session-logged',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: 'resolved',
      closed: '-',
    },
  ],
  [
    'follow-up-logged',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: 'resolved',
      closed: 'closed',
    },
  ],
  [
    'note-added',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: 'resolved',
      closed: 'closed',
    },
  ],
  [
    'email-linked',
    {
      new: 'new',
      open: 'open',
      'waiting-on-client': 'waiting-on-client',
      'waiting-on-microsoft': 'waiting-on-microsoft',
      resolved: 'resolved',
      closed: 'closed',
    },
  ],
];

describe('TRANSITIONS', () => {
  const cells = EXPECTED.flatMap(([key, row]) => TICKET_STATUSES.map((status) => [status, key, row[status]] as const));
  test.each(cells)('%s x %s -> %s', (status, key, expected) => {
    expect(nextStatus(status, key) ?? '-').toBe(expected);
    expect(allowedEvents(status).includes(key)).toBe(expected !== '-');
  });

  test('"opened" is never a transition of an existing ticket', () => {
    for (const status of TICKET_STATUSES) expect(nextStatus(status, 'opened')).toBeUndefined();
  });

  test('a closed ticket accepts only bookkeeping (never reopens)', () => {
    expect(Object.keys(TRANSITIONS.closed).sort()).toEqual(['email-linked', 'follow-up-logged', 'note-added']);
  });
});

describe('applyEvent refuses what the table refuses', () => {
  test.each([
    ['client reply after closing for no response', 'client-replied'],
    ['rejection after closing', 'resolution-rejected'],
    ['a first response after closing', 'first-response'],
  ] as const)('%s', (_label, type) => {
    const { ticket } = run([
      ev('information-requested', plus(10), { question: 'Which server?', attempt: 1 }),
      ev('contact-attempted', plus(600), { attempt: 2 }),
      ev('contact-attempted', plus(1200), { attempt: 3 }),
      ev('final-notice-sent', plus(1300), { attempts: 3 }),
      ev('closed-no-response', plus(20000), { attempts: 3 }, { role: 'system', id: 'sla-monitor' }),
    ]);
    expect(ticket.status).toBe('closed');
    expect(ticket.closeReason).toBe('no-response');
    const data = type === 'client-replied' ? {} : type === 'resolution-rejected' ? { reason: 'no' } : {};
    let caught: unknown;
    try {
      applyEvent(ticket, ev(type, plus(30000), data as never));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    expect(caught).toMatchObject({ status: 'closed', eventType: type, code: 'invalid-transition' });
  });
});
