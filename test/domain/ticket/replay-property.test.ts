import fc from 'fast-check';
import { DomainError } from '../../../shared/domain/common';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { applyEvent } from '../../../shared/domain/ticket';
import { openTicket } from '../../../shared/domain/ticket';
import { replay } from '../../../shared/domain/ticket';
import type { Ticket } from '../../../shared/domain/ticket';
import type { NewTicketEvent, TicketEvent } from '../../../shared/domain/ticket';
import { PRIORITIES, SUPPORT_LEVELS } from '../../../shared/domain/ticket';
import { REQUESTER, ev, openInput } from './ticket-fixtures';

/** Builds a plausible event of `kind` for the ticket as it is now (valid data; the table may still refuse it). */
function eventFor(kind: number, ticket: Ticket, at: string, n: number): NewTicketEvent {
  switch (kind) {
    case 0:
      return ev('first-response', at, {});
    case 1:
      return ev('information-requested', at, { question: 'q', attempt: ticket.contactAttempts + 1 });
    case 2:
      return ev('contact-attempted', at, { attempt: ticket.contactAttempts + 1 });
    case 3:
      return ev('final-notice-sent', at, { attempts: ticket.contactAttempts });
    case 4:
      return ev('closed-no-response', at, { attempts: ticket.contactAttempts });
    case 5:
      return ev('client-replied', at, {}, REQUESTER);
    case 6: {
      const next = SUPPORT_LEVELS[Math.min(3, SUPPORT_LEVELS.indexOf(ticket.level) + 1 + (n % 2))];
      return ev('escalated', at, { from: ticket.level, to: next, reason: 'r' });
    }
    case 7:
      return ev('microsoft-responded', at, {});
    case 8:
      return ev('resolved', at, { summary: 's' });
    case 9:
      return ev('resolution-rejected', at, {}, REQUESTER);
    case 10:
      return ev('resolution-validated', at, {}, REQUESTER);
    case 11:
      return ev('priority-changed', at, { from: ticket.priority, to: PRIORITIES[(PRIORITIES.indexOf(ticket.priority) + 1) % 4] });
    case 12:
      return ev('work-logged', at, { minutes: 1 + (n % 90), entryId: `w${n}` });
    case 13:
      return ev('budget-extension-requested', at, { requestId: `r${n}`, minutes: 60, reason: 'more' });
    case 14:
      return ticket.pendingExtension
        ? ev('budget-extension-approved', at, { requestId: ticket.pendingExtension.requestId, minutes: 60 }, REQUESTER)
        : ev('note-added', at, { text: 'x', internal: false });
    default:
      return ev('follow-up-logged', at, { kind: 'progress', entryId: `f${n}`, minutes: 15 });
  }
}

describe('replay(log) equals the incrementally maintained ticket', () => {
  test('for random event sequences (refused events are left out of the log)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 3000 })), { maxLength: 40 }),
        (steps) => {
          const opened = openTicket(openInput(), DEFAULT_POLICY);
          let ticket = opened.ticket;
          let clock = Date.parse(ticket.openedAt);
          const log: TicketEvent[] = [{ ...opened.event, id: 'e1', seq: 1, ticketId: ticket.id }];
          steps.forEach(([kind, gap], n) => {
            clock += gap * 60_000;
            const event = eventFor(kind, ticket, new Date(clock).toISOString(), n);
            try {
              ticket = applyEvent(ticket, event);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              return;
            }
            log.push({ ...event, id: `e${log.length + 1}`, seq: log.length + 1, ticketId: ticket.id } as TicketEvent);
          });
          expect(replay(log)).toEqual(ticket);
          // Invariants the clocks rely on: pauses ordered, disjoint, at most the last one open.
          ticket.pauses.forEach((p, i) => {
            if (i < ticket.pauses.length - 1) expect(p.end).toBeDefined();
            if (p.end) expect(Date.parse(p.end)).toBeGreaterThanOrEqual(Date.parse(p.start));
            if (i > 0) expect(Date.parse(p.start)).toBeGreaterThanOrEqual(Date.parse(ticket.pauses[i - 1].end as string));
          });
          expect(ticket.pauses.some((p) => p.end === undefined)).toBe(
            ticket.status === 'waiting-on-client' || ticket.status === 'waiting-on-microsoft',
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
