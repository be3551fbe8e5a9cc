import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Clock, Mailer, OutboundMail } from '../../application/ports';
import { domainOf, newMessageId } from './message-id';

export interface OutboxMailerOptions {
  /** DATA_DIR/outbox */
  dir: string;
  /** The support mailbox address mail is sent from. */
  from: string;
  fromName?: string;
  clock: Clock;
}

/**
 * The embedded mailer: each message becomes an RFC 822 `.eml` file in the outbox folder, composed by
 * nodemailer's MailComposer (multipart/alternative text + HTML, UTF-8, threaded with In-Reply-To and
 * References). Nothing is sent anywhere; an operator or a relay picks the files up. Files are written
 * to a temporary name and renamed, so a reader never sees half a message.
 */
export class OutboxMailer implements Mailer {
  private readonly domain: string;
  private ready = false;
  private sequence = 0;

  constructor(private readonly options: OutboxMailerOptions) {
    this.domain = domainOf(options.from);
  }

  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    if (mail.to.length === 0) throw new Error('outbound mail: "to" names no recipient');
    const messageId = newMessageId(this.domain);
    const raw = await this.compose(mail, messageId);
    if (!this.ready) {
      mkdirSync(this.options.dir, { recursive: true });
      this.ready = true;
    }
    const name = this.fileName(mail);
    const temp = path.join(this.options.dir, `.${name}.tmp`);
    // Small files, written synchronously like the SQLite store: cheaper than three thread-pool hops.
    writeFileSync(temp, raw);
    renameSync(temp, path.join(this.options.dir, name));
    return { messageId };
  }

  /** The RFC 822 bytes of `mail` with the given Message-ID. */
  compose(mail: OutboundMail, messageId: string): Promise<Buffer> {
    const composer = new MailComposer({
      from: this.options.fromName ? { name: this.options.fromName, address: this.options.from } : this.options.from,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({ filename: a.name, contentType: a.contentType, content: Buffer.from(a.content) })),
      messageId,
      date: this.options.clock.now(),
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      headers: {
        ...mail.headers,
        'Content-Language': mail.locale,
        'X-Soporte-Kind': mail.kind,
        ...(mail.ticketNumber ? { 'X-Soporte-Ticket': mail.ticketNumber } : {}),
      },
    });
    return composer.compile().build();
  }

  private fileName(mail: OutboundMail): string {
    this.sequence += 1;
    const stamp = this.options.clock.now().toISOString().replace(/[:.]/g, '-');
    const seq = String(this.sequence).padStart(6, '0');
    return `${stamp}-${seq}-${process.pid}-${mail.ticketNumber ?? 'no-ticket'}-${mail.kind}.eml`;
  }
}
