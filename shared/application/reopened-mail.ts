import { slaStatus } from '../domain/sla';
import { applyEvent } from '../domain/ticket';
import type { NewTicketEvent } from '../domain/ticket';
import type { ClientMailOptions } from './client-mailer';
import type { ChangeContext } from './ticket-change';

/** The reopened ticket's email: the resolution clock's new due time, read from the ticket as it will be saved. */
export function reopenedMailParams(ctx: ChangeContext, reopening: NewTicketEvent): ClientMailOptions {
  const reopened = applyEvent(ctx.ticket, reopening);
  const { resolution } = slaStatus(reopened, ctx.policy, ctx.calendar, ctx.now);
  const params: ClientMailOptions = { timeZone: ctx.policy.calendar.timezone };
  if (resolution.breachAt && Date.parse(resolution.breachAt) > ctx.now.getTime()) params.resolutionDueAt = resolution.breachAt;
  return params;
}
