import type { AlertThreshold, DirectoryStore, SlaClockName, StateStore } from '../../shared/application/ports';
import { readTicketAttachments } from '../../shared/application/ticket-attachments';
import type { SlaSummary } from '../../shared/contract/api-contract';
import type { ClockStatus, SlaStatus } from '../../shared/domain/sla';
import type { Ticket } from '../../shared/domain/ticket';
import type { TicketEvent } from '../../shared/domain/ticket';
import type { CardFormat } from '../cards/card-format';
import { l4PromptCard } from '../cards/l4-prompt-card';
import type { CardJson } from '../cards/render-template';
import { slaAlertCard } from '../cards/sla-alert-card';
import { ticketCard } from '../cards/ticket-card';
import type { TicketSummaryInput } from '../cards/ticket-facts';
import type { PolicyViewOf } from './policy-view-reader';
import type { SlaOf } from './teams-bot-deps';
import { definedOnly } from '../../shared/domain/index';

function clockView(clock: ClockStatus): SlaSummary['response'] {
  return { state: clock.state, ...definedOnly({ dueAt: clock.breachAt }), remainingMinutes: Math.round(clock.remainingMinutes) };
}

/** The domain's SLA status as the compact view cards show. */
export function slaSummary(status: SlaStatus): SlaSummary {
  return { response: clockView(status.response), resolution: clockView(status.resolution) };
}

/** The client's latest reply on the ticket that carries its text (the opening email is the description). */
function latestClientMessage(events: readonly TicketEvent[]): { at: string; excerpt: string } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'client-replied' && e.data.excerpt) return { at: e.at, excerpt: e.data.excerpt };
  }
  return undefined;
}

/** Where an alert card lives and what it is about, so it can be re-rendered in place. */
export interface AlertContext {
  clock: SlaClockName;
  threshold: AlertThreshold;
}

/** Builds the cards that show one ticket, gathering its SLA clocks and the names it refers to. */
export class TicketViews {
  /** `events` reads a ticket's log (for the client's latest message on the ticket card). */
  constructor(
    private readonly deps: {
      directory: DirectoryStore;
      state: StateStore;
      slaOf: SlaOf;
      policyViewOf: PolicyViewOf;
      events?: ((ticketId: string) => Promise<TicketEvent[]>) | undefined;
    },
  ) {}

  async clientName(clientId: string): Promise<string> {
    return (await this.deps.directory.getClient(clientId))?.name ?? clientId;
  }

  async summary(ticket: Ticket, at: Date): Promise<TicketSummaryInput> {
    const [sla, clientName, assignee, policyView, requesters] = await Promise.all([
      this.deps.slaOf(ticket, at),
      this.clientName(ticket.clientId),
      ticket.assigneeId ? this.deps.directory.getStaff(ticket.assigneeId) : Promise.resolve(undefined),
      this.deps.policyViewOf(ticket, at),
      this.deps.directory.findRequestersByEmail(ticket.requesterEmail),
    ]);
    const requesterName = requesters.find((r) => r.clientId === ticket.clientId)?.name;
    return {
      ticket,
      sla,
      clientName,
      ...definedOnly({ assigneeName: assignee?.name ?? ticket.assigneeId, policyView, requesterName }),
    };
  }

  /** The ticket card: the summary, plus the client's files and their latest message on the ticket. */
  async ticketCard(ticket: Ticket, format: CardFormat, at: Date, notice?: string): Promise<CardJson> {
    const [summary, attachments, events] = await Promise.all([
      this.summary(ticket, at),
      readTicketAttachments(this.deps.state, ticket.id),
      this.deps.events?.(ticket.id) ?? Promise.resolve([]),
    ]);
    return ticketCard(
      {
        ...summary,
        ...definedOnly({ notice }),
        attachments,
        ...definedOnly({ latestClientMessage: latestClientMessage(events) }),
      },
      format,
    );
  }

  async alertCard(ticket: Ticket, alert: AlertContext, format: CardFormat, at: Date, notice?: string): Promise<CardJson> {
    const [summary, staff] = await Promise.all([this.summary(ticket, at), this.deps.directory.listStaff()]);
    // Consultants only (L1-L3), active, not the current assignee.
    const assignees = staff
      .filter((s) => s.active && s.role !== 'manager' && s.id !== ticket.assigneeId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => ({ title: `${s.name} (${s.role})`, value: s.id }));
    return slaAlertCard(
      { ...summary, ...alert, ...definedOnly({ dueAt: summary.sla[alert.clock].dueAt, notice }), assignees },
      format,
    );
  }

  async l4Card(ticket: Ticket, reason: string, format: CardFormat, notice?: string): Promise<CardJson> {
    const [client, attachments] = await Promise.all([
      this.deps.directory.getClient(ticket.clientId),
      readTicketAttachments(this.deps.state, ticket.id),
    ]);
    return l4PromptCard(
      { ticket, client: client ?? { name: ticket.clientId }, reason, ...definedOnly({ notice }), attachments },
      format,
    );
  }
}
