import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { TicketRef } from '../../shared/application/ticket-commands';
import type { Ticket } from '../../shared/domain/ticket';
import { INCIDENT_TYPES, PRIORITIES, type Actor } from '../../shared/domain/ticket';
import type { Caller } from '../auth/caller';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { authedRoute, etag, json, requireIfMatch } from './http-io';
import { assertVersion, visibleTicket } from './ticket-access';
import { toTicketView } from './ticket-view';

const BASE = '/api/v1/tickets';

export const TriageSchema = z
  .object({
    priority: z.enum(PRIORITIES).optional(),
    incidentType: z.enum(INCIDENT_TYPES).optional(),
    budgetMinutes: z.number().int().positive().optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.priority || b.incidentType || b.budgetMinutes, {
    message: 'give priority, incidentType or budgetMinutes',
    path: ['priority'],
  });
export const RespondSchema = z.object({ message: z.string().trim().min(1).max(20_000) });
export const PhoneResponseSchema = z.object({ note: z.string().trim().min(1).max(20_000) });
export const ContactAttemptSchema = z.object({ note: z.string().trim().max(2000).optional() }).default({});

/**
 * A consultant's writes on a ticket (staff only), each with If-Match: triage, applying intake's priority
 * suggestion, the first response (emailed, or a phone call's note emailed) and a contact attempt paced by
 * the policy.
 */
export function registerStaffTicketRoutes(server: Server, deps: ApiDeps): void {
  const write = (path: string, act: (actor: Actor, ref: TicketRef, req: Request) => Promise<Ticket>) =>
    server.post(
      `${BASE}/:id/${path}`,
      authedRoute(deps.authenticator, async (caller: Caller, req) => {
        if (caller.kind !== 'staff')
          throw new ApiProblem(403, 'forbidden', 'Not allowed', `only support staff may ${path.replace(/\//g, ' ')} a ticket`);
        const expectedVersion = requireIfMatch(req);
        const ticket = await visibleTicket(deps.tickets, caller, req.params.id);
        assertVersion(ticket, expectedVersion);
        const saved = await act(caller.actor, { ticketId: ticket.id, expectedVersion }, req);
        return json(await toTicketView(saved, deps.readSla, deps.clock.now()), 200, etag(saved.version));
      }),
    );

  write('triage', (actor, ref, req) => deps.commands.triage(actor, ref, TriageSchema.parse(req.body ?? {})));
  write('priority-suggestion/apply', (actor, ref) => deps.commands.applySuggestedPriority(actor, ref));
  write('respond', (actor, ref, req) => deps.commands.respond(actor, ref, RespondSchema.parse(req.body ?? {}).message));
  write('phone-response', (actor, ref, req) =>
    deps.commands.respondByPhone(actor, ref, PhoneResponseSchema.parse(req.body ?? {}).note),
  );
  write('contact-attempts', (actor, ref, req) =>
    deps.commands.recordContactAttempt(actor, ref, ContactAttemptSchema.parse(req.body ?? {}).note),
  );
}
