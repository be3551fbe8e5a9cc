import type { Command } from 'commander';
import { ValidationError } from '../../../shared/domain/common';
import { t } from '../../../shared/domain/i18n';
import type { Ticket } from '../../../shared/domain/ticket';
import { INCIDENT_TYPES, PRIORITIES, type IncidentType, type Priority } from '../../../shared/domain/ticket';
import type { Session } from '../cli-context';
import { leaf, run } from '../command-kit';
import { print, printJson } from '../output';

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(String(value)))
    throw new ValidationError(field, `"${String(value)}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

function minutes(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new ValidationError('budget', `"${String(value)}" is not a whole number of minutes above 0`);
  return n;
}

/** The ticket by id or SUP-number, with the version the change is made against. */
async function refOf(session: Session, key: string): Promise<{ ticketId: string; expectedVersion: string }> {
  const ticket = await session.services.queries.byIdOrNumber(session.actor, key);
  return { ticketId: ticket.id, expectedVersion: ticket.version };
}

function report(session: Session, json: boolean | undefined, ticket: Ticket): void {
  if (json) return printJson(ticket);
  const l = session.lang;
  print(
    t(l, 'cli.ticketChanged', {
      number: ticket.number,
      status: t(l, `status.${ticket.status}`),
      priority: t(l, `priority.${ticket.priority}`),
      type: t(l, `type.${ticket.incidentType}`),
      budget: ticket.budgetMinutes,
    }),
  );
}

/** A consultant's writes from the command line: triage, Respond, a phone call as the first response. */
export function registerConsultantCommands(tickets: Command): void {
  run(
    leaf(
      tickets,
      'triage <ticket>',
      "change a ticket's priority and/or incident type and budget (the client is emailed the new due times)",
    )
      .option('--priority <priority>', PRIORITIES.join(', '))
      .option('--type <incidentType>', INCIDENT_TYPES.join(', '))
      .option('--budget <minutes>', "budget in minutes, within the type's range (maintenance, research-debugging)")
      .option('--reason <text>', 'why (kept in the audit trail)'),
    async (session, o, key) => {
      const input = {
        priority: oneOf<Priority>('priority', o.priority, PRIORITIES),
        incidentType: oneOf<IncidentType>('type', o.type, INCIDENT_TYPES),
        budgetMinutes: minutes(o.budget),
        reason: o.reason as string | undefined,
      };
      if (!input.priority && !input.incidentType && input.budgetMinutes === undefined)
        throw new ValidationError('priority', 'give --priority, --type or --budget');
      report(session, o.json, await session.services.tickets.triage(session.actor, await refOf(session, key), input));
    },
  );

  run(
    leaf(
      tickets,
      'respond <ticket>',
      'the first response: email --message to the client on their thread (stops the response clock, billed)',
    ).requiredOption('--message <text>', 'what the client reads'),
    async (session, o, key) =>
      report(
        session,
        o.json,
        await session.services.tickets.respond(session.actor, await refOf(session, key), o.message as string),
      ),
  );

  run(
    leaf(
      tickets,
      'phone-response <ticket>',
      'a phone call as the first response: --note of what was said is emailed to the client',
    ).requiredOption('--note <text>', 'what was said'),
    async (session, o, key) =>
      report(
        session,
        o.json,
        await session.services.tickets.via('phone').respondByPhone(session.actor, await refOf(session, key), o.note as string),
      ),
  );
}
