import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { Mailbox, MailOutcome, PendingMail } from '../../application/mailbox';
import type { Clock, StateStore } from '../../application/ports';
import type { FileAttachmentStore } from './attachment-store';
import { IMMUTABLE_IDS } from './graph-prefer';
import { parseMime } from './mime-parser';

export interface GraphMailboxOptions {
  /** A Graph client from createGraphClient (retry with Retry-After on 429/503/504 is in its chain). */
  client: Client;
  /** The support mailbox (UPN or id): every new Inbox message is ingested. */
  supportMailbox: string;
  /** Consultants' mailboxes: only messages a consultant flags there become tickets. */
  consultantMailboxes?: string[];
  /** Delta links, the start instant and handled message ids survive restarts here. */
  state: StateStore;
  attachments: FileAttachmentStore;
  clock: Clock;
  /** DATA_DIR: the original MIME of each message is kept in DATA_DIR/mail/graph/<disposition>/. */
  dataDir: string;
  /** Delta page size (Prefer: odata.maxpagesize). Default 50. */
  pageSize?: number;
}

interface DeltaMessage {
  id: string;
  receivedDateTime?: string;
  conversationId?: string;
  flag?: { flagStatus?: string };
  categories?: string[];
  '@removed'?: unknown;
}

interface DeltaPage {
  value: DeltaMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const SELECT = 'id,receivedDateTime,conversationId,flag,categories,internetMessageId,subject,from';
/** Category put on messages intake quarantined (the ticketed ones get their ticket number). */
export const QUARANTINE_CATEGORY = 'Soporte: quarantine';

/**
 * The support mailbox on Microsoft Graph. Each pass reads the Inbox with a delta query (the deltaLink
 * is saved in the StateStore after every page, so a restart resumes where it stopped), and the Inbox
 * of each consultant mailbox listed in config. Ingested: support-mailbox messages received since the
 * adapter first ran, and any message a consultant flagged (also older ones, also in a consultant's
 * mailbox). Each is fetched as MIME (`$value`) and parsed like a maildrop file; the MIME is kept under
 * DATA_DIR/mail/graph/. Settling puts an Outlook category on the message (the ticket number, or
 * "Soporte: quarantine") and remembers it as handled: our own category change coming back in the next
 * delta round is not ingested twice. Nothing is moved or deleted in the mailbox.
 */
export class GraphMailbox implements Mailbox {
  readonly kind = 'graph';
  private readonly pageSize: number;

  constructor(private readonly options: GraphMailboxOptions) {
    this.pageSize = options.pageSize ?? 50;
  }

  /** Every candidate of this delta round (no limit: the token moves past them, so none may be left behind). */
  async pending(): Promise<PendingMail[]> {
    const since = await this.startInstant();
    const items: PendingMail[] = [];
    const mailboxes = [this.options.supportMailbox, ...(this.options.consultantMailboxes ?? [])];
    for (const mailbox of mailboxes) {
      const consultant = mailbox !== this.options.supportMailbox;
      for (const message of await this.deltaRound(mailbox)) {
        if (message['@removed'] !== undefined) continue;
        const flagged = message.flag?.flagStatus === 'flagged';
        const isNew = !consultant && message.receivedDateTime !== undefined && message.receivedDateTime >= since;
        if (!flagged && !isNew) continue;
        const id = itemId(mailbox, message.id);
        if (items.some((i) => i.id === id) || (await this.options.state.getState(doneKey(id))) !== undefined) continue;
        items.push(await this.read(mailbox, message));
      }
    }
    return items;
  }

  async settle(item: PendingMail, outcome: MailOutcome): Promise<void> {
    const { mailbox, messageId } = splitItemId(item.id);
    const category = outcome.ticketNumber ?? (outcome.disposition === 'quarantined' ? QUARANTINE_CATEGORY : undefined);
    if (category) {
      const current = (await this.api(messagePath(mailbox, messageId)).select('categories').get()) as { categories?: string[] };
      const categories = current.categories ?? [];
      if (!categories.includes(category)) await this.api(messagePath(mailbox, messageId)).patch({ categories: [...categories, category] });
    }
    const record = { ...outcome, mailbox, graphMessageId: messageId, internetMessageId: item.mail?.messageId, settledAt: this.options.clock.now().toISOString() };
    const dir = path.join(this.options.dataDir, 'mail', 'graph', outcome.disposition === 'processed' ? 'processed' : 'quarantine');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${fileSafe(item.id)}.reason.json`), `${JSON.stringify(record, null, 2)}\n`);
    await this.options.state.setState(doneKey(item.id), record);
  }

  quarantineRef(item: PendingMail): string {
    const { mailbox, messageId } = splitItemId(item.id);
    return `graph:${mailbox}/messages/${messageId}`;
  }

  /**
   * One delta round on a mailbox's Inbox: from the saved deltaLink (or a fresh initial sync), following
   * nextLinks; the link reached is saved after each page so an interrupted round resumes there.
   */
  private async deltaRound(mailbox: string): Promise<DeltaMessage[]> {
    const key = `graph-delta:${mailbox.toLowerCase()}:inbox`;
    let link = (await this.options.state.getState<string>(key)) ?? `/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messages/delta?$select=${SELECT}`;
    const messages: DeltaMessage[] = [];
    for (;;) {
      const page = (await this.options.client.api(link).header('Prefer', `odata.maxpagesize=${this.pageSize}, ${IMMUTABLE_IDS}`).get()) as DeltaPage;
      messages.push(...page.value);
      const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
      if (!next) throw new Error(`Graph delta on ${mailbox} returned neither @odata.nextLink nor @odata.deltaLink`);
      await this.options.state.setState(key, next);
      if (!page['@odata.nextLink']) return messages;
      link = next;
    }
  }

  private async read(mailbox: string, message: DeltaMessage): Promise<PendingMail> {
    const id = itemId(mailbox, message.id);
    const raw = await this.mime(mailbox, message.id);
    const dir = path.join(this.options.dataDir, 'mail', 'graph', 'mime');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${fileSafe(id)}.eml`);
    await writeFile(file, raw);
    try {
      const mail = await parseMime(raw, { originalRef: file, receivedAt: this.options.clock.now(), attachments: this.options.attachments });
      if (message.conversationId) mail.conversationId = message.conversationId;
      return { id, mail };
    } catch (error) {
      return { id, unreadable: error instanceof Error ? error.message : String(error) };
    }
  }

  private async mime(mailbox: string, messageId: string): Promise<Buffer> {
    const body = (await this.api(`${messagePath(mailbox, messageId)}/$value`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    return Buffer.from(body);
  }

  /** Immutable ids: a message the user moves keeps the id we remembered. */
  private api(path: string) {
    return this.options.client.api(path).header('Prefer', IMMUTABLE_IDS);
  }

  /** The instant the adapter first ran (saved): older unflagged Inbox messages are history, not tickets. */
  private async startInstant(): Promise<string> {
    const key = `graph-mail-start:${this.options.supportMailbox.toLowerCase()}`;
    const saved = await this.options.state.getState<string>(key);
    if (saved) return saved;
    const now = this.options.clock.now().toISOString();
    await this.options.state.setState(key, now);
    return now;
  }
}

function messagePath(mailbox: string, messageId: string): string {
  return `/users/${encodeURIComponent(mailbox)}/messages/${encodeURIComponent(messageId)}`;
}

function itemId(mailbox: string, messageId: string): string {
  return `${mailbox.toLowerCase()}|${messageId}`;
}

function splitItemId(id: string): { mailbox: string; messageId: string } {
  const bar = id.indexOf('|');
  return { mailbox: id.slice(0, bar), messageId: id.slice(bar + 1) };
}

function doneKey(id: string): string {
  return `graph-mail-done:${id}`;
}

function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._@-]/g, '_').slice(-180);
}
