import type { SlaSummary } from '../../shared/contract/api-contract';
import { t } from '../../shared/domain/i18n';
import type { Ticket } from '../../shared/domain/ticket';
import { formatClock, formatInstant, formatMinutes, plainText, type CardFormat, type Fact } from './card-format';
import type { TicketPolicyView } from './ticket-policy-view';
import { workdayFacts } from './workday-card';

/** What a card shows about one ticket besides the ticket itself. */
export interface TicketSummaryInput {
  ticket: Ticket;
  sla: SlaSummary;
  clientName: string;
  assigneeName?: string;
  /** Contact attempts and budget ranges under the ticket's policy (absent: those facts and limits are left out). */
  policyView?: TicketPolicyView;
  /** The requester's name from the client's directory (the email alone when unknown). */
  requesterName?: string;
}

/** "1 h 15 min of 6 h (21%)". */
export function budgetLine(ticket: Pick<Ticket, 'consumedMinutes' | 'budgetMinutes'>, format: CardFormat): string {
  const percent = ticket.budgetMinutes > 0 ? Math.round((ticket.consumedMinutes * 100) / ticket.budgetMinutes) : 0;
  return t(format.locale, 'bot.card.budgetUsed', {
    used: formatMinutes(ticket.consumedMinutes, format),
    budget: formatMinutes(ticket.budgetMinutes, format),
    percent,
  });
}

/** The facts every ticket view shows: status, priority, type, level, assignee, SLA clocks, budget, last activity. */
export function ticketFacts(input: TicketSummaryInput, format: CardFormat): Fact[] {
  const { ticket, sla } = input;
  const l = format.locale;
  const facts: Fact[] = [
    { title: t(l, 'bot.card.client'), value: plainText(input.clientName) },
    {
      title: t(l, 'bot.card.requester'),
      value: input.requesterName
        ? `${plainText(input.requesterName)} (${plainText(ticket.requesterEmail)})`
        : plainText(ticket.requesterEmail),
    },
    { title: t(l, 'bot.card.status'), value: t(l, `status.${ticket.status}`) },
    { title: t(l, 'bot.card.priority'), value: t(l, `priority.${ticket.priority}`) },
    { title: t(l, 'bot.card.type'), value: t(l, `type.${ticket.incidentType}`) },
    { title: t(l, 'bot.card.level'), value: ticket.level },
    { title: t(l, 'bot.card.assignee'), value: input.assigneeName ? plainText(input.assigneeName) : t(l, 'bot.card.unassigned') },
    { title: t(l, 'bot.card.responseSla'), value: formatClock(sla.response, format) },
    { title: t(l, 'bot.card.resolutionSla'), value: formatClock(sla.resolution, format) },
    { title: t(l, 'bot.card.budget'), value: budgetLine(ticket, format) },
    { title: t(l, 'bot.card.lastActivity'), value: formatInstant(ticket.lastActivityAt, format) },
  ];
  if (ticket.microsoftCaseNumber) facts.push({ title: t(l, 'bot.card.microsoftCase'), value: ticket.microsoftCaseNumber });
  if (ticket.pendingExtension)
    facts.push({
      title: t(l, 'bot.card.pendingExtension'),
      value: t(l, 'bot.card.pendingExtensionValue', { minutes: formatMinutes(ticket.pendingExtension.minutes, format) }),
    });
  if (ticket.awaitingEmail) facts.push({ title: t(l, 'bot.card.awaitingEmail'), value: t(l, 'bot.card.yes') });
  facts.push(...workdayFacts(ticket, input.policyView, format));
  return facts;
}
