import type { Clock, Notification, Notifier } from '../../application/ports';
import type { Ticket } from '../../domain/ticket';
import { JsonLog, type LineSink } from './json-log';

/** The ticket fields a log line needs; the full record would drown the line. */
function ticketSummary(ticket: Ticket): Record<string, unknown> {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    clientId: ticket.clientId,
    assigneeId: ticket.assigneeId,
  };
}

/**
 * The Notifier `npm start` uses until Teams is configured: each notification becomes one JSON log
 * line (`component: "notifier"`), with the ticket reduced to its identifying fields.
 */
export class LogNotifier implements Notifier {
  private readonly log: JsonLog;
  private sent = 0;

  constructor(clock: Clock, sink?: LineSink) {
    this.log = new JsonLog('notifier', clock, sink);
  }

  async notify(notification: Notification): Promise<{ ref?: string }> {
    this.sent += 1;
    const ref = `log-${this.sent}`;
    const fields: Record<string, unknown> = { ...notification, ref };
    if ('ticket' in notification) fields.ticket = ticketSummary(notification.ticket);
    if ('statement' in notification)
      fields.statement = {
        id: notification.statement.id,
        clientId: notification.statement.clientId,
        month: notification.statement.month,
        status: notification.statement.status,
      };
    this.log.write(notification.kind, fields);
    return { ref };
  }
}
