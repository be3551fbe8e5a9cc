import { simpleParser, type AddressObject } from 'mailparser';
import { GraphHttpError, notFound } from './graph-http-error';
import { TokenVault } from './token-vault';
import { exchangeId, graphInstant, guid } from './ids';
import type { EmailAddress, Recipient, SeedMessage, SentMail, StoredMessage } from './mail-types';
import type { ServiceClock } from './service-types';

export interface MailFolder {
  id: string;
  displayName: string;
  wellKnownName?: string;
}

interface Tombstone {
  id: string;
  folderId: string;
  seq: number;
}

export interface Mailbox {
  id: string;
  userPrincipalName: string;
  displayName: string;
  folders: MailFolder[];
  messages: Map<string, StoredMessage>;
  tombstones: Tombstone[];
  sent: SentMail[];
}

/** What happened to a message, for change notifications. */
export interface MailChange {
  mailbox: Mailbox;
  kind: 'created' | 'updated' | 'deleted';
  messageId: string;
  folderId: string;
  changeKey?: string;
}

export interface DeltaRow {
  seq: number;
  message?: StoredMessage;
  removedId?: string;
}

/** Default delay before a sent message's Sent Items copy appears. */
export const SENT_ITEMS_DELAY_MS = 200;

const WELL_KNOWN: Array<[string, string]> = [
  ['inbox', 'Inbox'],
  ['sentitems', 'Sent Items'],
  ['drafts', 'Drafts'],
  ['deleteditems', 'Deleted Items'],
  ['archive', 'Archive'],
];

export function recipient(value: EmailAddress | string): Recipient {
  if (typeof value !== 'string')
    return { emailAddress: value.name ? { name: value.name, address: value.address } : { address: value.address } };
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return m
    ? { emailAddress: { name: m[1]!.replace(/^"|"$/g, ''), address: m[2]! } }
    : { emailAddress: { name: value, address: value } };
}

function fromParsedAddress(value: AddressObject | AddressObject[] | undefined): Recipient[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .flatMap((a) => a.value)
    .filter((a) => a.address)
    .map((a) => ({ emailAddress: { name: a.name || a.address!, address: a.address! } }));
}

/** The mailboxes of the Graph service: folders, messages, a change log for delta, and what each mailbox sent. */
export class MailStore {
  private readonly mailboxes: Mailbox[] = [];
  private readonly listeners: Array<(change: MailChange) => void> = [];
  private seq = 0;
  /** Mailboxes outside the app's scope (application access policy) or gone: their requests are refused. */
  private readonly refused = new Map<string, 'denied' | 'missing'>();
  /** Work done "later" (Sent Items copies, deliveries), waiting for its timer. */
  private readonly later = new Map<NodeJS.Timeout, () => void>();
  /** Delta $skiptoken / $deltatoken state, per mailbox: opaque, and expirable. */
  readonly deltaTokens = new TokenVault();
  /**
   * How long after a 202 the Sent Items copy (and delivery to a mailbox of this service) appears.
   * 202 means accepted, not done (user-sendmail.md): nothing may read the copy right after sending.
   */
  sentItemsDelayMs = SENT_ITEMS_DELAY_MS;

  onChange(listener: (change: MailChange) => void): void {
    this.listeners.push(listener);
  }

  private emit(change: MailChange): void {
    for (const listener of this.listeners) listener(change);
  }

  constructor(private readonly clock: ServiceClock) {}

  addMailbox(input: { userPrincipalName: string; displayName?: string; id?: string }): { id: string; userPrincipalName: string } {
    if (this.mailboxes.some((m) => m.userPrincipalName.toLowerCase() === input.userPrincipalName.toLowerCase())) {
      throw new Error(`mailbox ${input.userPrincipalName} already exists`);
    }
    const mailbox: Mailbox = {
      id: input.id ?? guid(),
      userPrincipalName: input.userPrincipalName,
      displayName: input.displayName ?? input.userPrincipalName,
      folders: WELL_KNOWN.map(([wellKnownName, displayName]) => ({ id: exchangeId('AAMkFolder'), displayName, wellKnownName })),
      messages: new Map(),
      tombstones: [],
      sent: [],
    };
    this.mailboxes.push(mailbox);
    return { id: mailbox.id, userPrincipalName: mailbox.userPrincipalName };
  }

  /**
   * By object id or UPN (case-insensitive), as /users/{id | userPrincipalName} resolves for a request:
   * a mailbox outside the app's scope answers 403 ErrorAccessDenied, a removed one 404 ErrorInvalidUser.
   */
  mailbox(user: string): Mailbox {
    const found = this.lookup(user);
    const refusal = this.refused.get(found.id);
    if (refusal === 'denied')
      throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    if (refusal === 'missing') throw notFound('ErrorInvalidUser', `The requested user '${user}' is invalid.`);
    return found;
  }

  private lookup(user: string): Mailbox {
    const key = user.toLowerCase();
    const found = this.mailboxes.find((m) => m.id.toLowerCase() === key || m.userPrincipalName.toLowerCase() === key);
    if (!found) throw notFound('ErrorInvalidUser', `The requested user '${user}' is invalid.`);
    return found;
  }

  /** Test API: requests for this mailbox are refused (403 'denied' or 404 'missing') until restore(). */
  refuse(user: string, how: 'denied' | 'missing'): void {
    this.refused.set(this.lookup(user).id, how);
  }

  restore(user: string): void {
    this.refused.delete(this.lookup(user).id);
  }

  /** Test API: the mailbox's delta tokens are dropped (their next use answers 410 syncStateNotFound). */
  expireDeltaTokens(user: string): number {
    return this.deltaTokens.expire(`mail:${this.lookup(user).id}`);
  }

  /** Runs `work` after sentItemsDelayMs (a Sent Items copy, a delivery). */
  defer(work: () => void): void {
    if (this.sentItemsDelayMs <= 0) {
      work();
      return;
    }
    const timer = setTimeout(() => {
      this.later.delete(timer);
      work();
    }, this.sentItemsDelayMs);
    this.later.set(timer, work);
  }

  /** Test API: what was deferred happens now (Sent Items copies appear, deliveries arrive). */
  flushDeferred(): void {
    for (const [timer, work] of [...this.later]) {
      clearTimeout(timer);
      this.later.delete(timer);
      work();
    }
  }

  /** Drops deferred work (the service is closing). */
  dropDeferred(): void {
    for (const timer of this.later.keys()) clearTimeout(timer);
    this.later.clear();
  }

  findMailboxByAddress(address: string): Mailbox | undefined {
    return this.mailboxes.find((m) => m.userPrincipalName.toLowerCase() === address.toLowerCase());
  }

  folder(mailbox: Mailbox, key: string): MailFolder {
    const k = key.toLowerCase();
    const found = mailbox.folders.find((f) => f.id.toLowerCase() === k || f.wellKnownName === k);
    if (!found) throw notFound('ErrorItemNotFound', 'The specified object was not found in the store.');
    return found;
  }

  addFolder(user: string, displayName: string): string {
    const folder: MailFolder = { id: exchangeId('AAMkFolder'), displayName };
    this.lookup(user).folders.push(folder);
    return folder.id;
  }

  message(mailbox: Mailbox, id: string): StoredMessage {
    const found = mailbox.messages.get(id);
    if (!found) throw notFound('ErrorItemNotFound', 'The specified object was not found in the store.');
    return found;
  }

  /** Stamps a write: new change key, new sequence, new lastModifiedDateTime. */
  touch(message: StoredMessage): void {
    this.seq += 1;
    message.seq = this.seq;
    message.changeKey = exchangeId('CQAAAB');
    message.lastModifiedDateTime = graphInstant(this.clock());
  }

  currentSeq(): number {
    return this.seq;
  }

  insert(mailbox: Mailbox, message: StoredMessage): void {
    this.touch(message);
    message.createdSeq = message.seq;
    mailbox.messages.set(message.id, message);
    this.emit({ mailbox, kind: 'created', messageId: message.id, folderId: message.folderId, changeKey: message.changeKey });
  }

  /** A write to an existing message (PATCH, a person in Outlook). */
  changed(mailbox: Mailbox, message: StoredMessage): void {
    this.touch(message);
    this.emit({ mailbox, kind: 'updated', messageId: message.id, folderId: message.folderId, changeKey: message.changeKey });
  }

  remove(mailbox: Mailbox, id: string): void {
    const message = this.message(mailbox, id);
    mailbox.messages.delete(id);
    this.seq += 1;
    mailbox.tombstones.push({ id, folderId: message.folderId, seq: this.seq });
    this.emit({ mailbox, kind: 'deleted', messageId: id, folderId: message.folderId });
  }

  /**
   * Moves a message to another folder. As with Exchange's default ids, the message gets a NEW id there
   * (the old one answers 404) unless the request asked for immutable ids. Returns the id it now has.
   */
  move(mailbox: Mailbox, id: string, folderKey: string, keepId = false): string {
    const message = this.message(mailbox, id);
    const target = this.folder(mailbox, folderKey);
    if (target.id === message.folderId) return id;
    this.seq += 1;
    mailbox.tombstones.push({ id, folderId: message.folderId, seq: this.seq });
    this.emit({ mailbox, kind: 'deleted', messageId: id, folderId: message.folderId });
    if (!keepId && !message.immutableId) {
      mailbox.messages.delete(id);
      message.id = exchangeId();
      mailbox.messages.set(message.id, message);
    }
    message.folderId = target.id;
    this.touch(message);
    message.createdSeq = message.seq;
    this.emit({ mailbox, kind: 'created', messageId: message.id, folderId: message.folderId, changeKey: message.changeKey });
    return message.id;
  }

  /** Changes in a folder with since < seq <= upTo, in change order; removals only when asked. */
  changes(mailbox: Mailbox, folderId: string, since: number, upTo: number, includeRemoved: boolean): DeltaRow[] {
    const rows: DeltaRow[] = [...mailbox.messages.values()]
      .filter((m) => m.folderId === folderId && m.seq > since && m.seq <= upTo)
      .map((message) => ({ seq: message.seq, message }));
    if (includeRemoved) {
      const present = new Set(rows.map((r) => r.message!.id));
      for (const t of mailbox.tombstones) {
        if (
          t.folderId === folderId &&
          t.seq > since &&
          t.seq <= upTo &&
          !present.has(t.id) &&
          !(mailbox.messages.get(t.id)?.folderId === folderId)
        ) {
          rows.push({ seq: t.seq, removedId: t.id });
        }
      }
    }
    return rows.sort((a, b) => a.seq - b.seq);
  }

  // ---- test API -------------------------------------------------------------------------------------

  /** Puts a message in a folder (Inbox by default) as if it had arrived; returns its Graph id. */
  seed(user: string, seed: SeedMessage): string {
    const mailbox = this.lookup(user);
    const folder = this.folder(mailbox, seed.folder ?? 'inbox');
    const now = graphInstant(this.clock());
    const from = recipient(seed.from);
    const headers = seed.internetMessageHeaders ?? [];
    const internetMessageId = seed.internetMessageId ?? `<${guid()}@seed.test>`;
    const message: StoredMessage = {
      id: exchangeId(),
      folderId: folder.id,
      seq: 0,
      changeKey: '',
      createdDateTime: now,
      lastModifiedDateTime: now,
      receivedDateTime: seed.receivedDateTime ?? now,
      sentDateTime: seed.sentDateTime ?? seed.receivedDateTime ?? now,
      subject: seed.subject,
      body: { contentType: seed.bodyType ?? 'html', content: seed.body ?? '' },
      from,
      sender: from,
      toRecipients: (seed.to ?? [mailbox.userPrincipalName]).map(recipient),
      ccRecipients: (seed.cc ?? []).map(recipient),
      bccRecipients: [],
      replyTo: (seed.replyTo ?? []).map(recipient),
      internetMessageId,
      conversationId: seed.conversationId ?? this.conversationFor(mailbox, headers),
      internetMessageHeaders: headers,
      categories: seed.categories ?? [],
      flag: { flagStatus: seed.flag ?? 'notFlagged' },
      isRead: seed.isRead ?? false,
      isDraft: false,
      importance: seed.importance ?? 'normal',
      inferenceClassification: 'focused',
      attachments: (seed.attachments ?? []).map((a) => ({
        id: exchangeId('AAMkAtt'),
        name: a.name,
        contentType: a.contentType,
        isInline: a.isInline ?? false,
        ...(a.contentId ? { contentId: a.contentId } : {}),
        bytes: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content,
        lastModifiedDateTime: now,
      })),
      ...(seed.mime !== undefined ? { mime: seed.mime } : {}),
    };
    this.insert(mailbox, message);
    return message.id;
  }

  /** Seeds from raw RFC 822 source: fields, headers and attachments read with mailparser; $value returns the source unchanged. */
  async seedMime(
    user: string,
    mime: string,
    options: { folder?: string; receivedDateTime?: string; conversationId?: string } = {},
  ): Promise<string> {
    const parsed = await simpleParser(mime);
    const from = fromParsedAddress(parsed.from)[0];
    const headers = parsed.headerLines.map((h) => {
      const at = h.line.indexOf(':');
      return { name: h.line.slice(0, at), value: h.line.slice(at + 1).trim() };
    });
    const html = typeof parsed.html === 'string' ? parsed.html : undefined;
    return this.seed(user, {
      ...(options.folder ? { folder: options.folder } : {}),
      subject: parsed.subject ?? '',
      from: from ? from.emailAddress : { address: 'unknown@invalid' },
      to: fromParsedAddress(parsed.to).map((r) => r.emailAddress),
      cc: fromParsedAddress(parsed.cc).map((r) => r.emailAddress),
      replyTo: fromParsedAddress(parsed.replyTo).map((r) => r.emailAddress),
      body: html ?? parsed.text ?? '',
      bodyType: html !== undefined ? 'html' : 'text',
      receivedDateTime: options.receivedDateTime ?? graphInstant(parsed.date ?? this.clock()),
      ...(parsed.date ? { sentDateTime: graphInstant(parsed.date) } : {}),
      ...(parsed.messageId ? { internetMessageId: parsed.messageId } : {}),
      ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      internetMessageHeaders: headers,
      attachments: parsed.attachments.map((a) => ({
        name: a.filename ?? 'attachment',
        contentType: a.contentType,
        content: a.content,
        isInline: a.contentDisposition === 'inline',
        ...(a.contentId ? { contentId: a.contentId.replace(/^<|>$/g, '') } : {}),
      })),
      mime,
    });
  }

  /** A change made in Outlook by a person (flag, categories, read state...): delta reports it as an update. */
  update(
    user: string,
    id: string,
    change: Partial<Pick<StoredMessage, 'categories' | 'flag' | 'isRead' | 'importance' | 'subject'>>,
  ): void {
    const mailbox = this.lookup(user);
    const message = this.message(mailbox, id);
    Object.assign(message, change);
    this.changed(mailbox, message);
  }

  delete(user: string, id: string): void {
    this.remove(this.lookup(user), id);
  }

  /** A person moving a message in Outlook: returns its new id (Exchange ids change with the folder). */
  moveTo(user: string, id: string, folder: string): string {
    return this.move(this.lookup(user), id, folder);
  }

  /** A copy of a stored message, for assertions. */
  get(user: string, id: string): StoredMessage {
    return structuredClone(this.message(this.lookup(user), id));
  }

  /** Messages in a folder (well-known name or id), oldest change first. */
  list(user: string, folder = 'inbox'): StoredMessage[] {
    const mailbox = this.lookup(user);
    const f = this.folder(mailbox, folder);
    return [...mailbox.messages.values()]
      .filter((m) => m.folderId === f.id)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => structuredClone(m));
  }

  /** What the mailbox sent, in order. */
  sent(user: string): SentMail[] {
    return structuredClone(this.lookup(user).sent);
  }

  /** A reply's conversation: the one of the message named in In-Reply-To/References, when this mailbox has it. */
  conversationFor(mailbox: Mailbox, headers: Array<{ name: string; value: string }>): string {
    const refs = headers
      .filter((h) => /^(in-reply-to|references)$/i.test(h.name))
      .flatMap((h) => h.value.match(/<[^>]+>/g) ?? []);
    for (const m of mailbox.messages.values()) {
      if (refs.includes(m.internetMessageId)) return m.conversationId;
    }
    return exchangeId('AAQk');
  }
}
