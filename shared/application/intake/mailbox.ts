import type { InboundMail } from '../../domain/mail/inbound-mail';

/**
 * Where inbound mail comes from: the maildrop folder (embedded default) or the support mailbox on
 * Microsoft Graph. The poller lists pending messages, hands each to intake, and settles it with the
 * outcome; a settled message is never offered again and never deleted.
 */
export interface PendingMail {
  /** Adapter-specific handle (a file name, a Graph message id). */
  id: string;
  /** The parsed message, or why it could not be read (malformed MIME, no sender). */
  mail?: InboundMail;
  unreadable?: string;
}

export type MailDisposition = 'processed' | 'quarantined';

export interface MailOutcome {
  disposition: MailDisposition;
  /** What intake did: opened, replied, validated, ignored-automated, unauthorized ... */
  action: string;
  /** Why, in words an operator understands. */
  reason: string;
  ticketNumber?: string;
}

export interface Mailbox {
  readonly kind: string;
  pending(limit?: number): Promise<PendingMail[]>;
  settle(item: PendingMail, outcome: MailOutcome): Promise<void>;
  /** Where a quarantined item will be found (for the managers' notice). */
  quarantineRef(item: PendingMail): string;
}

