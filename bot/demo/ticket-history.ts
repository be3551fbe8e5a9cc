import type { Store } from '../../shared/application/ports';
import { buildTimeEntry, type TimeEntryFacts } from '../../shared/domain/billing';
import type { TimeEntry } from '../../shared/domain/billing';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { slaCalendar } from '../../shared/domain/sla';
import { applyEvent } from '../../shared/domain/ticket';
import { openTicket } from '../../shared/domain/ticket';
import type { NewTicketEvent, TicketEventData, TicketEventType } from '../../shared/domain/ticket';
import { PRIORITIES, type Actor, type Locale } from '../../shared/domain/ticket';
import { seededRandom } from './seeded-random';

export interface HistoryOptions {
  clientIds: string[];
  /** Requester address per client (any authorized one). */
  requesterOf: (clientId: string) => string;
  staffIds: string[];
  tickets: number;
  /** Tickets are opened evenly over [from, to); those of the last days stay open. */
  from: string;
  to: string;
  /** The PRNG seed (same seed, same history). */
  seed?: number;
  locale?: Locale;
}

const MINUTE = 60_000;
const SYSTEM: Actor = { role: 'system', id: 'mail-intake' };

/**
 * Writes a plausible history of tickets straight through the domain (openTicket, applyEvent,
 * buildTimeEntry) into a store: answered early or late, worked, resolved and validated, some escalated
 * to L2-L4, the newest still open. For the dashboard's e2e screenshots and its benchmark.
 */
export async function writeTicketHistory(store: Store, options: HistoryOptions): Promise<void> {
  const rand = seededRandom(options.seed ?? 15);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const policy = DEFAULT_POLICY;
  const billing = { policy, calendar: slaCalendar(policy), windows: [] };
  for (let i = 0; i < options.tickets; i++) {
    const openedAt = from + Math.floor(((to - from) * i) / options.tickets);
    const clientId = pick(options.clientIds);
    const consultant = pick(options.staffIds);
    const actor: Actor = { role: 'L2', id: consultant };
    const opened = openTicket(
      {
        id: `h-${i}`,
        clientId,
        requesterEmail: options.requesterOf(clientId),
        subject: `${pick(['Sincronización', 'Facturación', 'Correo', 'Permisos', 'Teams', 'SharePoint'])} #${i}`,
        description: 'Historial',
        priority: pick(PRIORITIES),
        incidentType: pick(['technical-regular', 'technical-urgent', 'maintenance'] as const),
        channel: 'email',
        sourceMessageId: `<history-${options.seed ?? 15}-${i}@client.example>`,
        locale: options.locale ?? 'es-MX',
        at: new Date(openedAt).toISOString(),
        actor: SYSTEM,
      },
      policy,
    );
    const stored = await store.tickets.open({
      ticket: opened.ticket,
      events: [opened.event],
      year: new Date(openedAt).getUTCFullYear(),
    });
    let ticket = stored.ticket;
    const events: NewTicketEvent[] = [];
    const entries: TimeEntry[] = [];
    let at = openedAt;
    const add = <K extends TicketEventType>(
      type: K,
      afterMinutes: number,
      data: TicketEventData[K],
      by: Actor = actor,
    ): boolean => {
      const next = at + afterMinutes * MINUTE;
      if (next >= to) return false;
      at = next;
      const event = { type, at: new Date(at).toISOString(), actor: by, channel: 'email', data } as NewTicketEvent;
      ticket = applyEvent(ticket, event);
      events.push(event);
      return true;
    };
    const work = (afterMinutes: number, minutes: number): boolean => {
      const entryId = `${ticket.id}-w${entries.length}`;
      if (!add('work-logged', afterMinutes, { minutes, entryId })) return false;
      const facts: TimeEntryFacts = {
        id: entryId,
        ticketId: ticket.id,
        clientId,
        at: new Date(at).toISOString(),
        actorId: consultant,
        kind: 'work',
        minutes,
      };
      entries.push(buildTimeEntry(facts, billing));
      return true;
    };
    const steps = [
      () => add('assigned', 2 + Math.floor(rand() * 10), { assigneeId: consultant }, { role: 'manager', id: 'history' }),
      () => add('first-response', Math.floor(rand() * (rand() < 0.15 ? 600 : 90)), {}),
      () =>
        rand() < 0.25
          ? add('escalated', 30, { from: ticket.level, to: pick(['L2', 'L3'] as const), reason: 'needs a senior' })
          : true,
      () => work(30 + Math.floor(rand() * 120), 30 + 15 * Math.floor(rand() * 12)),
      () =>
        rand() < 0.08
          ? add('escalated', 30, {
              from: ticket.level,
              to: 'L4',
              reason: 'product defect',
              microsoftCaseNumber: `26${String(1e10 + i).slice(-10)}`,
            }) && add('microsoft-responded', 60 * 24 * (1 + Math.floor(rand() * 5)), {})
          : true,
      () => work(30 + Math.floor(rand() * (rand() < 0.2 ? 900 : 120)), 15 + 15 * Math.floor(rand() * 10)),
      () => add('resolved', 30 + Math.floor(rand() * 120), { summary: 'Resuelto' }),
      () => add('resolution-validated', 60 * 24, {}, { role: 'requester', id: options.requesterOf(clientId) }),
    ];
    for (const step of steps) if (!step()) break;
    if (events.length > 0) await store.tickets.save(ticket, events, entries);
  }
}
