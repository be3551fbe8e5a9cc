import { randomUUID } from 'node:crypto';
import type { Clock, Mailer, OutboundMail } from '../../application/ports';
import { JsonLog, type LineSink } from './json-log';

/**
 * The Mailer `npm start` uses until an outbox or Graph mailbox is configured: every mail becomes one
 * JSON log line (`component: "mailer"`) with a generated Message-ID, so threading still works.
 */
export class LogMailer implements Mailer {
  private readonly log: JsonLog;

  constructor(
    clock: Clock,
    sink?: LineSink,
    private readonly domain = 'soporte.local',
  ) {
    this.log = new JsonLog('mailer', clock, sink);
  }

  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    const messageId = `<${randomUUID()}@${this.domain}>`;
    // The HTML part repeats the text: the line keeps the text only.
    const { html: _html, ...rest } = mail;
    this.log.write('mail', { messageId, ...rest });
    return { messageId };
  }
}
