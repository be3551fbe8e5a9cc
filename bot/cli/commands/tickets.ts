import type { Command } from 'commander';
import type { Store } from '../../../shared/application/ports';
import type { Ticket } from '../../../shared/domain/ticket';
import { NotFoundError, ValidationError } from '../../../shared/domain/common';
import { t } from '../../../shared/domain/i18n';
import {
  INCIDENT_TYPES,
  PRIORITIES,
  TICKET_STATUSES,
  type IncidentType,
  type Priority,
  type TicketStatus,
} from '../../../shared/domain/ticket';
import { collect, leaf, run } from '../command-kit';
import { fields, print, printJson, table, when } from '../output';
import { ticketKey } from '../ticket-key';
import { registerConsultantCommands } from './ticket-consultant';
import { definedOnly } from '../../../shared/domain/index';

function statuses(values: string[] | undefined): TicketStatus[] | undefined {
  if (!values) return undefined;
  for (const value of values)
    if (!(TICKET_STATUSES as readonly string[]).includes(value))
      throw new ValidationError('status', `"${value}" is not one of ${TICKET_STATUSES.join(', ')}`);
  return values as TicketStatus[];
}

/** `--assignee`: a staff email (any case) or a staff id; an email nobody has is an error, not an empty list. */
async function staffId(store: Store, value: string): Promise<string> {
  if (!value.includes('@')) return value;
  const staff = await store.directory.findStaffByEmail(value.trim().toLowerCase());
  if (!staff) throw new NotFoundError('staff member', value);
  return staff.id;
}

/** A ticket's client, requester and assignee as people read them: names, with the id or email beside. */
async function namesOf(store: Store, ticket: Ticket): Promise<{ client: string; requester: string; assignee?: string }> {
  const [client, requesters, assignee] = await Promise.all([
    store.directory.getClient(ticket.clientId),
    store.directory.findRequestersByEmail(ticket.requesterEmail),
    ticket.assigneeId ? store.directory.getStaff(ticket.assigneeId) : Promise.resolve(undefined),
  ]);
  const requester = requesters.find((r) => r.clientId === ticket.clientId);
  return {
    client: client ? `${client.name} (${client.id})` : ticket.clientId,
    requester: requester ? `${requester.name} <${ticket.requesterEmail}>` : ticket.requesterEmail,
    ...definedOnly({ assignee: assignee ? `${assignee.name} (${assignee.email})` : ticket.assigneeId }),
  };
}

export function registerTicketCommands(program: Command): void {
  const tickets = program.command('tickets').description('tickets and their audit trail');

  run(
    leaf(tickets, 'list', 'list tickets (oldest first)')
      .option('--status <status>', 'only these statuses (comma-separated or repeated)', collect)
      .option('--client <id>', 'only this client')
      .option('--assignee <staff>', 'only tickets assigned to this staff member (email or id)')
      .option('--limit <n>', 'at most n tickets', (v) => Number.parseInt(v, 10)),
    async ({ store, services, actor, lang }, o) => {
      const assigneeId = o.assignee === undefined ? undefined : await staffId(store, o.assignee as string);
      let list = await services.queries.list(actor, {
        statuses: statuses(o.status as string[] | undefined),
        clientId: o.client as string | undefined,
        assigneeId,
      });
      if (o.limit !== undefined) {
        if (!Number.isInteger(o.limit) || (o.limit as number) < 1)
          throw new ValidationError('limit', 'must be a whole number above 0');
        list = list.slice(0, o.limit as number);
      }
      if (o.json) return printJson(list);
      const [clients, staff] = await Promise.all([store.directory.listClients(), store.directory.listStaff()]);
      const clientName = new Map(clients.map((c) => [c.id, c.name]));
      const staffName = new Map(staff.map((m) => [m.id, m.name]));
      print(
        table(
          lang,
          [
            'cli.col.number',
            'cli.col.status',
            'cli.col.priority',
            'cli.col.level',
            'cli.col.client',
            'cli.col.assignee',
            'cli.col.opened',
            'cli.col.subject',
          ],
          list.map((x) => [
            x.number,
            t(lang, `status.${x.status}`),
            t(lang, `priority.${x.priority}`),
            x.level,
            clientName.get(x.clientId) ?? x.clientId,
            x.assigneeId && (staffName.get(x.assigneeId) ?? x.assigneeId),
            when(x.openedAt, lang),
            x.subject,
          ]),
        ),
      );
    },
  );

  run(
    leaf(tickets, 'show <ticket>', 'show a ticket (3, 2026-3, SUP-2026-0003 or its id) with its SLA clocks'),
    async (session, o, key) => {
      const { services, actor, lang } = session;
      const { ticket, sla } = await services.queries.sla(actor, ticketKey(key, session.clock.now()));
      if (o.json) return printJson({ ticket, sla });
      const who = await namesOf(session.store, ticket);
      const clock = (c: typeof sla.response) =>
        `${t(lang, `sla.${c.state}`)} (${Math.round(c.elapsedMinutes)}/${c.breachMinutes} min${c.breachAt ? `, ${when(c.breachAt, lang)}` : ''})`;
      print(
        fields(lang, [
          ['cli.col.number', ticket.number],
          ['cli.col.id', ticket.id],
          ['cli.col.subject', ticket.subject],
          ['cli.col.status', t(lang, `status.${ticket.status}`)],
          ['cli.col.priority', t(lang, `priority.${ticket.priority}`)],
          ['cli.col.type', t(lang, `type.${ticket.incidentType}`)],
          ['cli.col.level', ticket.level],
          ['cli.col.client', who.client],
          ['cli.col.requester', who.requester],
          ['cli.col.assignee', who.assignee],
          ['cli.col.channel', t(lang, `bot.channel.${ticket.channel}`)],
          ['cli.col.opened', when(ticket.openedAt, lang)],
          ['cli.col.response', clock(sla.response)],
          ['cli.col.resolution', clock(sla.resolution)],
        ]),
      );
    },
  );

  run(
    leaf(tickets, 'history <ticket>', "a ticket's audit trail: who, when, channel, what"),
    async ({ services, actor, lang, clock, store }, o, key) => {
      const events = await services.queries.history(actor, ticketKey(key, clock.now()));
      if (o.json) return printJson(events);
      // Names, not ids: staff by their directory name; requesters and the system as the event recorded them.
      const staffNames = new Map((await store.directory.listStaff()).map((s) => [s.id, s.name]));
      const who = (a: (typeof events)[number]['actor']) => staffNames.get(a.id) ?? a.name ?? a.id;
      print(
        table(
          lang,
          ['cli.col.at', 'cli.col.actor', 'cli.col.channel', 'cli.col.event', 'cli.col.detail'],
          events.map((e) => [
            when(e.at, lang),
            `${who(e.actor)} (${t(lang, `role.${e.actor.role}`)})`,
            t(lang, `bot.channel.${e.channel}`),
            t(lang, `event.${e.type}`),
            JSON.stringify(e.data),
          ]),
        ),
      );
    },
  );

  run(
    leaf(tickets, 'open', 'log a critical phone call as a ticket (clocks start at the call; it awaits the client email)')
      .option('--phone', 'the ticket comes from a phone call (the only kind the CLI opens)')
      .requiredOption('--client <id>', 'client id')
      .requiredOption('--requester <email>', 'the authorized requester who called')
      .requiredOption('--subject <text>', 'what it is about')
      .option('--description <text>', 'what they said', '')
      .option('--priority <priority>', PRIORITIES.join(', '), 'critical')
      .option('--type <incidentType>', INCIDENT_TYPES.join(', '))
      .option('--called-at <instant>', 'when the call came in (ISO, default now)'),
    async ({ services, actor, lang }, o) => {
      if (!o.phone)
        throw new ValidationError('phone', 'the CLI logs phone calls only (email is the official channel): add --phone');
      const calledAt = o.calledAt ? new Date(o.calledAt as string) : undefined;
      if (calledAt && Number.isNaN(calledAt.getTime()))
        throw new ValidationError('called-at', `"${String(o.calledAt)}" is not an instant`);
      const ticket = await services.tickets.via('phone').openFromPhone(actor, {
        clientId: o.client as string,
        requesterEmail: o.requester as string,
        subject: o.subject as string,
        description: o.description as string,
        priority: o.priority as Priority,
        incidentType: o.type as IncidentType | undefined,
        raisedAt: calledAt,
      });
      if (o.json) printJson(ticket);
      else
        print(
          t(lang, 'cli.saved', {
            what: t(lang, 'cli.what.ticket'),
            id: `${ticket.number} (${t(lang, `priority.${ticket.priority}`)})`,
          }),
        );
    },
  );
  registerConsultantCommands(tickets);
}
