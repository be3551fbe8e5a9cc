import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import {
  writeStates,
  type Clock,
  type Mailbox,
  type MailOutcome,
  type Notifier,
  type PendingMail,
  type StateEntry,
  type StateStore,
} from '../../application/ports';
import { isTicketNumber } from '../../domain/ticket';
import { isOk, relativeLink, stepError } from '../graph/graph-batch';
import { GraphServiceError } from '../graph/graph-errors';
import type { StepQueue } from '../graph/step-queue';
import type { FileAttachmentStore } from './attachment-store';
import { IMMUTABLE_IDS } from './graph-prefer';
import { MailboxHealthBook, type MailboxHealth } from './mailbox-health';
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
  /** Managers hear of a mailbox failure episode (denied, missing, failing) once, and of each resync. */
  notifier?: Notifier;
  /**
   * The step queue of the SharePoint store `state` lives in, when the store signs in as the same app:
   * the last delta link is saved in the $batch that reads the first message's MIME, and a settle's
   * writes go in the tag's $batch, chained after it. Without it, each is a request of its own.
   */
  storeSteps?: StepQueue | undefined;
}

interface DeltaMessage {
  id: string;
  internetMessageId?: string;
  receivedDateTime?: string;
  conversationId?: string;
  flag?: { flagStatus?: string };
  categories?: string[];
  '@removed'?: unknown;
}

/** A message seen by delta and waiting for intake (kept in the StateStore backlog). */
interface Candidate {
  id: string;
  /** As delta reported it: a settled message is remembered by it (one key, also across a resync). */
  internetMessageId?: string;
  conversationId?: string;
  /** When the mailbox received it (Graph's receivedDateTime): intake's instant, not the Date header. */
  receivedDateTime?: string;
  /** Its Outlook categories when delta saw it: settling adds the ticket's without reading them again. */
  categories?: string[];
}

interface DeltaPage {
  value: DeltaMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const SELECT = 'id,receivedDateTime,conversationId,flag,categories,internetMessageId,subject,from';
/** Category put on messages intake quarantined (the ticketed ones get their ticket number). */
export const QUARANTINE_CATEGORY = 'Soporte: quarantine';

/** Graph dropped the delta state: 410 Gone, or a 40x with syncStateNotFound (delta-query-overview.md). */
function isSyncStateGone(error: unknown): boolean {
  return error instanceof GraphServiceError && (error.status === 410 || /syncState|resync/i.test(error.code));
}

/**
 * The support mailbox on Microsoft Graph. Each pass reads the Inbox with a delta query (the deltaLink
 * is saved in the StateStore after every page, so a restart resumes where it stopped), and the Inbox
 * of each consultant mailbox listed in config. Ingested: support-mailbox messages received since the
 * adapter first ran, and any message a consultant flagged (also older ones, also in a consultant's
 * mailbox). Each is fetched as MIME (`$value`) and parsed like a maildrop file; the MIME is kept under
 * DATA_DIR/mail/graph/. Settling puts an Outlook category on the message (the ticket number, or
 * "Soporte: quarantine") and remembers it as handled: our own category change coming back in the next
 * delta round is not ingested twice. Nothing is moved or deleted in the mailbox.
 *
 * Graph as documented: a delta token may expire (410 syncStateNotFound): the mailbox starts a fresh
 * sync, skipping what was already handled (by internetMessageId, and intake's own dedupe), and the
 * managers are told. A mailbox out of the app's scope (403) or gone (404) is skipped with one notice
 * per failure episode; the other mailboxes keep flowing; health() tells each one's state.
 */
export class GraphMailbox implements Mailbox {
  readonly kind = 'graph';
  private readonly pageSize: number;
  private readonly healthBook: MailboxHealthBook;
  /** Categories delta reported for the candidates of the last pass (settle adds to them). */
  private readonly categories = new Map<string, string[]>();
  /** The backlog as the last pass left it (settle removes from it without reading it again). */
  private openBacklog: Candidate[] | undefined;
  /** The delta links this instance saved last, each mailbox's (with openBacklog, what the next pass may trust). */
  private kept: { links: Map<string, string> } | undefined;
  /** First delta pages read ahead (prefetch), by mailbox. */
  private prefetched: Map<string, Promise<DeltaPage>> | undefined;
  private since: string | undefined;

  constructor(private readonly options: GraphMailboxOptions) {
    this.pageSize = options.pageSize ?? 50;
    this.healthBook = new MailboxHealthBook({
      state: options.state,
      clock: options.clock,
      ...(options.notifier ? { notifier: options.notifier } : {}),
    });
  }

  /**
   * The backlog (candidates of earlier rounds not settled yet) plus this round's candidates. Candidates
   * are saved to the backlog in the write that moves the delta token past them, so a crash never loses a
   * message; one settled before (our own category change coming back, a resync) never joins; settling
   * takes a message out of the backlog.
   */
  async pending(_limit?: number, options: { heldThroughout?: boolean } = {}): Promise<PendingMail[]> {
    const mailboxes = this.mailboxes();
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    // Trusted only while the intake lease was held throughout: nobody else read or wrote them since.
    const kept =
      options.heldThroughout && this.kept && this.openBacklog ? { ...this.kept, backlog: this.openBacklog } : undefined;
    this.kept = undefined; // until this pass's writes are made
    const [since, backlog, links] = kept
      ? [await this.startInstant(), [...kept.backlog], mailboxes.map((m) => kept.links.get(m))]
      : // What a pass needs from the store, read together (one round trip where the store batches).
        await Promise.all([
          this.startInstant(),
          this.backlog(),
          Promise.all(mailboxes.map((m) => this.options.state.getState<string>(deltaKey(m)))),
          ...mailboxes.map((m) => this.healthBook.of(m)),
        ]);
    const pass: Pass = { backlog, unsaved: new Map(), links: new Map() };
    mailboxes.forEach((m, i) => links[i] !== undefined && pass.links.set(m, links[i]!));
    const unreadable = new Set<string>();
    for (const [i, mailbox] of mailboxes.entries()) {
      const consultant = mailbox !== this.options.supportMailbox;
      try {
        const first = kept ? prefetched?.get(mailbox) : undefined;
        await this.deltaRound(mailbox, links[i], pass, first, (message) => {
          if (message['@removed'] !== undefined) return false;
          const flagged = message.flag?.flagStatus === 'flagged';
          const isNew = !consultant && message.receivedDateTime !== undefined && message.receivedDateTime >= since;
          return flagged || isNew;
        });
        await this.healthBook.readOk(mailbox);
      } catch (error) {
        // One mailbox failing never stops the others.
        if (!(await this.healthBook.readFailed(mailbox, error))) throw error;
        unreadable.add(mailbox.toLowerCase());
      }
    }
    const open = pass.backlog;
    // The links each round ended on (and the backlog) are saved as the first MIME is read: one round trip.
    const saved = writeStates(this.options.state, [...pass.unsaved]);
    saved.catch(() => undefined);
    let savedChecked = false;
    const items: PendingMail[] = [];
    for (const candidate of open) {
      const { mailbox } = splitItemId(candidate.id);
      if (unreadable.has(mailbox)) continue; // waits in the backlog until its mailbox reads again
      const reading = this.read(candidate);
      reading.catch(() => undefined);
      if (!savedChecked) {
        savedChecked = true;
        await saved;
      }
      try {
        items.push(await reading);
      } catch (error) {
        if (!(await this.healthBook.readFailed(mailbox, error))) throw error;
        unreadable.add(mailbox);
      }
    }
    if (!savedChecked) await saved;
    this.categories.clear();
    for (const c of open) if (c.categories) this.categories.set(c.id, c.categories);
    this.openBacklog = open;
    this.kept = { links: pass.links };
    return items;
  }

  /**
   * The next pass's first delta page of each mailbox, from the link this instance saved last (nothing
   * changes by reading it): it goes in the batch of the caller's lease renewal.
   */
  prefetch(): void {
    const kept = this.kept;
    if (!kept || !this.options.storeSteps) return;
    this.prefetched = new Map(
      this.mailboxes()
        .filter((m) => kept.links.has(m))
        .map((m) => {
          const page = this.deltaPage(kept.links.get(m)!);
          page.catch(() => undefined);
          return [m, page] as const;
        }),
    );
  }

  private mailboxes(): string[] {
    return [this.options.supportMailbox, ...(this.options.consultantMailboxes ?? [])];
  }

  /** Each mailbox's state and last successful read (for /healthz). */
  async health(): Promise<MailboxHealth[]> {
    return Promise.all(this.mailboxes().map(async (mailbox) => ({ ...(await this.healthBook.of(mailbox)) })));
  }

  /**
   * Tags the message (one PATCH: the categories delta reported, plus ours), keeps the reason file, and
   * records it handled (by internetMessageId, which also dedupes a resync) and out of the backlog: one
   * write of the store.
   */
  async settle(item: PendingMail, outcome: MailOutcome): Promise<void> {
    await this.settleWithState(item, outcome, []);
  }

  /** Settles, and writes `writes` (intake's record of the message) in the same store commit. */
  async settleWithState(item: PendingMail, outcome: MailOutcome, writes: readonly StateEntry[]): Promise<void> {
    const { mailbox, messageId } = splitItemId(item.id);
    const category = outcome.ticketNumber ?? (outcome.disposition === 'quarantined' ? QUARANTINE_CATEGORY : undefined);
    const record = {
      ...outcome,
      mailbox,
      graphMessageId: messageId,
      internetMessageId: item.mail?.messageId,
      settledAt: this.options.clock.now().toISOString(),
    };
    const dir = path.join(
      this.options.dataDir,
      'mail',
      'graph',
      outcome.disposition === 'processed' ? 'processed' : 'quarantine',
    );
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${fileSafe(item.id)}.reason.json`), `${JSON.stringify(record, null, 2)}\n`);
    // This instance wrote the backlog last (intake runs under a lease): the pass's copy is current.
    const backlog = this.openBacklog ?? (await this.backlog());
    const rest = backlog.filter((c) => c.id !== item.id);
    const candidate = backlog.find((c) => c.id === item.id) ?? {
      id: item.id,
      ...(item.mail?.messageId ? { internetMessageId: item.mail.messageId } : {}),
    };
    const entries: StateEntry[] = [[settledKey(candidate), record]];
    if (!candidate.internetMessageId && item.mail?.messageId) entries.push([seenKey(mailbox, item.mail.messageId), record]);
    if (rest.length !== backlog.length) entries.push([this.backlogKey(), rest]);
    entries.push(...writes);
    // Until the settle is written whole, the store may hold part of it: a pass meanwhile reads it.
    const kept = this.kept;
    this.kept = undefined;
    let written = false;
    try {
      if (category) written = await this.categorize(mailbox, messageId, category, this.categories.get(item.id), entries);
    } catch (error) {
      // Not settled (offered again, the tag retried), but intake's record is kept: the retry is its duplicate.
      await writeStates(this.options.state, writes);
      throw error;
    }
    if (!written) await writeStates(this.options.state, entries);
    this.openBacklog = rest;
    this.kept = kept;
  }

  /**
   * Adds the category; a message deleted meanwhile (404) has nothing left to tag. With the store's step
   * queue and the categories delta reported, `then` is written in the tag's $batch, after it: true when so.
   */
  private async categorize(
    mailbox: string,
    messageId: string,
    category: string,
    known: string[] | undefined,
    then: readonly StateEntry[],
  ): Promise<boolean> {
    const steps = this.options.storeSteps;
    if (steps && known && !known.includes(category)) {
      const step = {
        method: 'PATCH' as const,
        url: messagePath(mailbox, messageId),
        headers: { Prefer: IMMUTABLE_IDS },
        body: { categories: [...known, category] },
      };
      const { lead, followed } = await steps.withFollowers(step, () => writeStates(this.options.state, then));
      if (lead.status === 404) return false;
      if (!isOk(lead)) throw stepError(step, lead);
      await followed;
      return true;
    }
    let categories = known;
    try {
      if (!categories)
        categories =
          ((await this.api(messagePath(mailbox, messageId)).select('categories').get()) as { categories?: string[] })
            .categories ?? [];
      if (!categories.includes(category))
        await this.api(messagePath(mailbox, messageId)).patch({ categories: [...categories, category] });
    } catch (error) {
      if (error instanceof GraphServiceError && error.status === 404) return false;
      throw error;
    }
    return false;
  }

  quarantineRef(item: PendingMail): string {
    const { mailbox, messageId } = splitItemId(item.id);
    return `graph:${mailbox}/messages/${messageId}`;
  }

  /**
   * One delta round on a mailbox's Inbox: from the saved deltaLink (or a fresh initial sync), following
   * nextLinks. After each page its candidates join the backlog, then the link reached is saved, so an
   * interrupted round resumes there and nothing it saw is lost. Links are followed whole (opaque).
   * An expired token (410 syncStateNotFound) starts a fresh sync once; its candidates already handled
   * (same internetMessageId) are skipped, and the managers are told.
   */
  private async deltaRound(
    mailbox: string,
    saved: string | undefined,
    pass: Pass,
    first: Promise<DeltaPage> | undefined,
    isCandidate: (message: DeltaMessage) => boolean,
  ): Promise<void> {
    const fresh = `/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messages/delta?$select=${SELECT}`;
    let link = saved ?? fresh;
    let resync = false;
    let ahead = saved === undefined ? undefined : first;
    for (;;) {
      let page: DeltaPage;
      const reading = ahead ?? this.deltaPage(link);
      ahead = undefined;
      try {
        page = await reading;
      } catch (error) {
        if (resync || !isSyncStateGone(error)) throw error;
        resync = true;
        link = fresh;
        await this.options.state.deleteState(deltaKey(mailbox));
        await this.healthBook.resynced(mailbox, error as GraphServiceError);
        continue;
      }
      // Our own category change brings a settled message back (as does a resync): only unsettled ones join.
      const unseen = page.value.filter(isCandidate).filter((m) => !pass.backlog.some((c) => c.id === itemId(mailbox, m.id)));
      const found = await this.notSettled(mailbox, unseen);
      for (const m of found) {
        pass.backlog.push({
          id: itemId(mailbox, m.id),
          ...(m.internetMessageId ? { internetMessageId: m.internetMessageId } : {}),
          ...(m.conversationId ? { conversationId: m.conversationId } : {}),
          ...(m.categories ? { categories: m.categories } : {}),
          ...(m.receivedDateTime ? { receivedDateTime: m.receivedDateTime } : {}),
        });
      }
      const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
      if (!next) throw new Error(`Graph delta on ${mailbox} returned neither @odata.nextLink nor @odata.deltaLink`);
      // The candidates join the backlog in the same write that moves the token past them. The last
      // page's write is the pass's to make (with the first MIME read): a crash before it reads again.
      pass.unsaved.set(deltaKey(mailbox), next);
      pass.links.set(mailbox, next);
      if (found.length > 0 || pass.unsaved.has(this.backlogKey())) pass.unsaved.set(this.backlogKey(), pass.backlog);
      if (!page['@odata.nextLink']) return;
      await writeStates(this.options.state, [...pass.unsaved]);
      pass.unsaved.clear();
      link = next;
    }
  }

  /**
   * The candidates not settled before (by internetMessageId), read in one batch where a read is needed:
   * - a message with our tag (a ticket number, the quarantine category) is settled: only settling tags,
   *   and a message tagged but not recorded yet (a crash between) is still in the backlog, so not here;
   * - a message with other categories (a person's) may be new or settled: its record is read;
   * - a message with none is new and costs no read. One settled before untagged (ignored: an
   *   auto-reply) that a change or a resync brings back is intake's duplicate (the same Message-ID).
   */
  private async notSettled(mailbox: string, messages: DeltaMessage[]): Promise<DeltaMessage[]> {
    const settled = await Promise.all(
      messages.map((m) =>
        m.categories?.some((c) => c === QUARANTINE_CATEGORY || isTicketNumber(c))
          ? true
          : m.categories?.length
            ? this.options.state.getState(
                settledKey({
                  id: itemId(mailbox, m.id),
                  ...(m.internetMessageId ? { internetMessageId: m.internetMessageId } : {}),
                }),
              )
            : undefined,
      ),
    );
    return messages.filter((_, i) => settled[i] === undefined);
  }

  private backlogKey(): string {
    return `graph-mail-backlog:${this.options.supportMailbox.toLowerCase()}`;
  }

  private async backlog(): Promise<Candidate[]> {
    return (await this.options.state.getState<Candidate[]>(this.backlogKey())) ?? [];
  }

  /** Fetches the MIME and parses it; a message Graph no longer has is unreadable (quarantined with why). */
  private async read(candidate: Candidate): Promise<PendingMail> {
    const { mailbox, messageId } = splitItemId(candidate.id);
    let raw: Buffer;
    try {
      raw = await this.mime(mailbox, messageId);
    } catch (error) {
      if (error instanceof GraphServiceError && error.status === 404)
        return { id: candidate.id, unreadable: `the message is no longer in ${mailbox} (404 ${error.code})` };
      throw error;
    }
    const dir = path.join(this.options.dataDir, 'mail', 'graph', 'mime');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${fileSafe(candidate.id)}.eml`);
    await writeFile(file, raw);
    try {
      const received = candidate.receivedDateTime ? Date.parse(candidate.receivedDateTime) : Number.NaN;
      const receivedAt = Number.isNaN(received) ? this.options.clock.now() : new Date(received);
      const mail = await parseMime(raw, { originalRef: file, receivedAt, attachments: this.options.attachments });
      if (candidate.conversationId) mail.conversationId = candidate.conversationId;
      return { id: candidate.id, mail };
    } catch (error) {
      return { id: candidate.id, unreadable: error instanceof Error ? error.message : String(error) };
    }
  }

  /** One page of a delta round: through the store's step queue when there is one (it may ride in a batch). */
  private async deltaPage(link: string): Promise<DeltaPage> {
    const prefer = `odata.maxpagesize=${this.pageSize}, ${IMMUTABLE_IDS}`;
    const steps = this.options.storeSteps;
    if (!steps) return (await this.options.client.api(link).header('Prefer', prefer).get()) as DeltaPage;
    const url = link.startsWith('/') ? link : relativeLink(link);
    return (await steps.request({ method: 'GET', url, headers: { Prefer: prefer } })).body as unknown as DeltaPage;
  }

  private async mime(mailbox: string, messageId: string): Promise<Buffer> {
    if (this.options.storeSteps) {
      const url = `${messagePath(mailbox, messageId)}/$value`;
      const result = await this.options.storeSteps.request({ method: 'GET', url, headers: { Prefer: IMMUTABLE_IDS } });
      if (result.base64 === undefined) throw new Error(`Graph answered ${url} in a batch without the message's MIME`);
      return Buffer.from(result.base64, 'base64');
    }
    const body = (await this.api(`${messagePath(mailbox, messageId)}/$value`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    return Buffer.from(body);
  }

  /** Immutable ids: a message the user moves keeps the id we remembered. */
  private api(path: string) {
    return this.options.client.api(path).header('Prefer', IMMUTABLE_IDS);
  }

  /** The instant the adapter first ran (saved): older unflagged Inbox messages are history, not tickets. */
  private async startInstant(): Promise<string> {
    if (this.since) return this.since; // written once, never changed: read once
    const key = `graph-mail-start:${this.options.supportMailbox.toLowerCase()}`;
    const saved = await this.options.state.getState<string>(key);
    if (saved) return (this.since = saved);
    const now = this.options.clock.now().toISOString();
    await this.options.state.setState(key, now);
    return (this.since = now);
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

/** The backlog during one pass: read once, written with the delta token that moves past its candidates. */
interface Pass {
  backlog: Candidate[];
  /** The link each mailbox's round reached (or started from), by mailbox. */
  links: Map<string, string>;
  /** State writes of the pass not made yet (the links its rounds ended on, the backlog), by key. */
  unsaved: Map<string, unknown>;
}

function deltaKey(mailbox: string): string {
  return `graph-delta:${mailbox.toLowerCase()}:inbox`;
}

function doneKey(id: string): string {
  return `graph-mail-done:${id}`;
}

/** Where a candidate's settlement is recorded: by its internetMessageId when delta gave one, else by its id. */
function settledKey(candidate: Candidate): string {
  return candidate.internetMessageId
    ? seenKey(splitItemId(candidate.id).mailbox, candidate.internetMessageId)
    : doneKey(candidate.id);
}

/** A settled message by its internetMessageId (hashed: Message-IDs can be long; state keys are indexed text). */
function seenKey(mailbox: string, internetMessageId: string): string {
  return `graph-mail-seen:${mailbox.toLowerCase()}:${createHash('sha256').update(internetMessageId.trim().toLowerCase(), 'utf8').digest('hex')}`;
}

function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._@-]/g, '_').slice(-180);
}
