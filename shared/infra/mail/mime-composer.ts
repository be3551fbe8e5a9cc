import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundMail } from '../../application/ports';

export interface MimeEnvelope {
  /** The support mailbox address mail is sent from, and its display name. */
  from: string;
  fromName?: string;
  /** Our own Message-ID for this message (`<uuid@domain>`). */
  messageId: string;
  date: Date;
}

/**
 * The RFC 822 bytes of an outbound message, composed by nodemailer's MailComposer: multipart/alternative
 * text + HTML, UTF-8, with our own Message-ID and the thread headers (In-Reply-To, References), our
 * X-Soporte-* headers and any others the mail carries (Auto-Submitted...). The outbox writes them to a
 * file; the Graph mailer sends them as MIME, so the Message-ID is known before the send.
 */
export function composeMime(mail: OutboundMail, envelope: MimeEnvelope): Promise<Buffer> {
  const composer = new MailComposer({
    from: envelope.fromName ? { name: envelope.fromName, address: envelope.from } : envelope.from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments?.map((a) => ({
      filename: a.name,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
    messageId: envelope.messageId,
    date: envelope.date,
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
