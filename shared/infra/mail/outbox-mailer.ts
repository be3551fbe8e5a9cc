import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock, Mailer, OutboundMail } from '../../application/ports';
import { domainOf, newMessageId } from './message-id';
import { composeMime } from './mime-composer';

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
    if (!this.ready) {
      mkdirSync(this.options.dir, { recursive: true });
      this.ready = true;
    }
    const name = this.fileName(mail);
    // A send repeated under the same key (a crash between sending and recording it): the file is there
    // (written whole or not at all, by the rename below), so that message is the answer and none is added.
    const sent = mail.idempotencyKey ? this.sentAs(path.join(this.options.dir, name)) : undefined;
    if (sent) return { messageId: sent };
    const messageId = newMessageId(this.domain);
    const raw = await this.compose(mail, messageId);
    const temp = path.join(this.options.dir, `.${name}.tmp`);
    // Small files, written synchronously like the SQLite store: cheaper than three thread-pool hops.
    writeFileSync(temp, raw);
    renameSync(temp, path.join(this.options.dir, name));
    return { messageId };
  }

  /** The RFC 822 bytes of `mail` with the given Message-ID. */
  compose(mail: OutboundMail, messageId: string): Promise<Buffer> {
    return composeMime(mail, {
      from: this.options.from,
      ...(this.options.fromName ? { fromName: this.options.fromName } : {}),
      messageId,
      date: this.options.clock.now(),
    });
  }

  /** The Message-ID of an outbox file already written, if there is one. */
  private sentAs(file: string): string | undefined {
    if (!existsSync(file)) return undefined;
    return /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(readFileSync(file, 'latin1'))?.[1];
  }

  /** Keyed mail has one name per key (so a repeat finds it); other mail a unique, time-ordered one. */
  private fileName(mail: OutboundMail): string {
    const suffix = `${mail.ticketNumber ?? 'no-ticket'}-${mail.kind}.eml`;
    if (mail.idempotencyKey)
      return `once-${createHash('sha256').update(mail.idempotencyKey).digest('hex').slice(0, 24)}-${suffix}`;
    this.sequence += 1;
    const stamp = this.options.clock.now().toISOString().replace(/[:.]/g, '-');
    const seq = String(this.sequence).padStart(6, '0');
    return `${stamp}-${seq}-${process.pid}-${suffix}`;
  }
}
