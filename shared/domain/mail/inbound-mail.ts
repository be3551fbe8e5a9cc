/** An email as intake sees it, whatever mailbox it came from (maildrop .eml or Microsoft Graph). */
export interface MailAddress {
  /** Lower-cased. */
  address: string;
  name?: string;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Inline parts referenced from the HTML as `cid:`. */
  contentId?: string;
  inline: boolean;
  /** Where the stored copy lives (a path under DATA_DIR/mail/attachments or a Graph attachment id). */
  storedRef: string;
}

export interface RejectedAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  limitBytes: number;
  reason: 'too-large';
}

export interface InboundMail {
  /** RFC 5322 Message-ID with its angle brackets: `<abc@example.com>`. */
  messageId: string;
  inReplyTo?: string;
  /** Oldest first, angle brackets kept. */
  references: string[];
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** The Date header (or the received time when absent), UTC ISO. Written by the sender: only displayed. */
  date: string;
  /**
   * When Soporte's mailbox received the message (maildrop file arrival, Graph receivedDateTime), UTC ISO:
   * the instant authorization is checked at and SLA clocks start from, never the sender's Date header.
   */
  receivedAt: string;
  /** Plain text (the text/plain part, or the HTML converted to text). */
  text: string;
  /** HTML already sanitized (no scripts, no remote loads but cid: images). */
  html?: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  attachments: InboundAttachment[];
  rejectedAttachments: RejectedAttachment[];
  /** The original sender of a forwarded message (attached message/rfc822, or forwarded inline). */
  forwardedFrom?: MailAddress;
  /** Microsoft Graph conversationId when the message came through Graph. */
  conversationId?: string;
  /** Where the untouched original MIME is kept (maildrop file, Graph message id). */
  originalRef: string;
}
