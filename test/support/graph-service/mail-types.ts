export interface EmailAddress {
  name?: string;
  address: string;
}

export interface Recipient {
  emailAddress: EmailAddress;
}

export interface ItemBody {
  contentType: 'html' | 'text';
  content: string;
}

export interface InternetMessageHeader {
  name: string;
  value: string;
}

export interface FollowupFlag {
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  startDateTime?: { dateTime: string; timeZone: string };
  dueDateTime?: { dateTime: string; timeZone: string };
  completedDateTime?: { dateTime: string; timeZone: string };
}

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  isInline: boolean;
  contentId?: string;
  bytes: Buffer;
  lastModifiedDateTime: string;
}

/** A message as the service keeps it; rendered to Graph's JSON on the way out. */
export interface StoredMessage {
  id: string;
  folderId: string;
  /** Change sequence: the last write's position in the service's change log (drives delta). */
  seq: number;
  /** Sequence at which the message came into its folder (delta changeType=created vs updated). */
  createdSeq?: number;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  subject: string;
  body: ItemBody;
  from?: Recipient;
  sender?: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  internetMessageId: string;
  conversationId: string;
  internetMessageHeaders: InternetMessageHeader[];
  categories: string[];
  flag: FollowupFlag;
  isRead: boolean;
  isDraft: boolean;
  importance: 'low' | 'normal' | 'high';
  inferenceClassification: 'focused' | 'other';
  attachments: StoredAttachment[];
  /** Raw RFC 822 source when seeded from MIME; otherwise $value builds one from the fields. */
  mime?: string;
  /** Its id was handed out under Prefer: IdType="ImmutableId" (createReply with the header): it survives moves. */
  immutableId?: boolean;
  /** For drafts made by createReply: the message answered. */
  replyToMessageId?: string;
}

/** What a test gives to seed a message; everything but the sender and subject has a default. */
export interface SeedMessage {
  folder?: string;
  subject: string;
  from: EmailAddress | string;
  to?: Array<EmailAddress | string>;
  cc?: Array<EmailAddress | string>;
  replyTo?: Array<EmailAddress | string>;
  body?: string;
  bodyType?: 'html' | 'text';
  receivedDateTime?: string;
  sentDateTime?: string;
  internetMessageId?: string;
  conversationId?: string;
  internetMessageHeaders?: InternetMessageHeader[];
  categories?: string[];
  flag?: FollowupFlag['flagStatus'];
  isRead?: boolean;
  importance?: StoredMessage['importance'];
  attachments?: Array<{ name: string; contentType: string; content: Buffer | string; isInline?: boolean; contentId?: string }>;
  mime?: string;
}

/** One message the mailbox sent (sendMail, reply, replyAll, send of a draft). */
export interface SentMail {
  kind: 'sendMail' | 'reply' | 'replyAll' | 'send';
  /** Graph message id of the copy in Sent Items (absent when saveToSentItems was false). */
  id?: string;
  subject: string;
  body: ItemBody;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  internetMessageId: string;
  conversationId: string;
  internetMessageHeaders: InternetMessageHeader[];
  /** internetMessageId of the message answered (reply, replyAll, send of a reply draft). */
  inReplyTo?: string;
  references?: string[];
  sentDateTime: string;
}
