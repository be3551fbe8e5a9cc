import { randomUUID } from 'node:crypto';
import type { SaveOptions, TicketPage, TicketQuery, TicketStore, TimeEntryQuery } from '../../application/ports';
import type { TimeEntry } from '../../domain/billing';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/common';
import type { Ticket } from '../../domain/ticket';
import type { NewTicketEvent, TicketEvent } from '../../domain/ticket';
import { formatTicketNumber } from '../../domain/ticket';
import { isOk, stepError, GRAPH_BATCH_LIMIT, type GraphStep, type StepResult } from '../graph/graph-batch';
import {
  anyOf,
  DUPLICATE_STATUSES,
  eq,
  quote,
  eTagOf,
  MAX_PAGE_SIZE,
  toItem,
  withoutNulls,
  type ListItem,
  type ListItems,
} from './list-items';
import { counterKey, entryFields, messageKey, sourceKey, ticketFields, ticketOf, type TicketItemMeta } from './ticket-fields';

interface OpenInput {
  ticket: Ticket;
  events: NewTicketEvent[];
  entries?: TimeEntry[];
  year: number;
}

interface Counter {
  itemId: string;
  eTag: string;
  value: number;
}

/** Tickets whose item id, eTag and log length this instance remembers (the oldest are forgotten first). */
const META_CAPACITY = 100_000;

/** Opens that lose a number race to another instance try again, up to this many times. */
const MAX_OPEN_ATTEMPTS = 50;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new ValidationError('year', `must be a four-digit year, got ${year}`);
}

function checkEntryIds(entries: TimeEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new ValidationError('entries', `time entry ${e.id} is given twice`);
    seen.add(e.id);
  }
}

/** An ISO instant rounded to a whole second (down or up). */
function toSecond(iso: string, round: (x: number) => number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ValidationError('timeEntries range', `not an ISO instant: ${iso}`);
  return new Date(round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A page cursor: the whole @odata.nextLink Graph gave (links are opaque and carry their query, so they
 * are followed whole, never rebuilt) and the last item id the page held. Used with the query it came
 * from, the link is followed; used with another query, that query is read from its start, past the
 * items up to that id (so a cursor never widens the query it is used with). A link to another list, or
 * a cursor not made here, is refused.
 */
interface Cursor {
  link: string;
  afterId: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ l: cursor.link, a: cursor.afterId }), 'utf8').toString('base64url');
}

function pathOf(url: string): string {
  return url.indexOf('?') < 0 ? url : url.slice(0, url.indexOf('?'));
}

function queryOptions(url: string): string {
  const at = url.indexOf('?');
  return [...new URLSearchParams(at < 0 ? '' : url.slice(at + 1))]
    .filter(([k]) => k !== '$skiptoken')
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
}

function decodeCursor(text: string, queryUrl: string): { url: string; afterId?: number } {
  let cursor: { l?: unknown; a?: unknown } | undefined;
  try {
    cursor = /^[A-Za-z0-9_-]+$/.test(text)
      ? (JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as typeof cursor)
      : undefined;
  } catch {
    cursor = undefined;
  }
  if (typeof cursor?.l !== 'string' || !Number.isInteger(cursor.a) || pathOf(cursor.l) !== pathOf(queryUrl)) {
    throw new ValidationError('cursor', 'is not a cursor this store issued');
  }
  return queryOptions(cursor.l) === queryOptions(queryUrl) ? { url: cursor.l } : { url: queryUrl, afterId: cursor.a as number };
}

/** A Map that forgets its oldest entries past META_CAPACITY; a forgotten ticket costs one read on its next save. */
class MetaCache {
  private readonly entries = new Map<string, TicketItemMeta>();

  get(ticketId: string): TicketItemMeta | undefined {
    return this.entries.get(ticketId);
  }

  set(ticketId: string, meta: TicketItemMeta): void {
    this.entries.delete(ticketId);
    this.entries.set(ticketId, meta);
    if (this.entries.size > META_CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * Tickets, their event log and time entries in three lists.
 *
 * Concurrency: the ticket version is its item eTag. `save` writes with If-Match, so a stale version is
 * refused by SharePoint (412) and nothing is written; the events and entries of a save are steps of the
 * same $batch that depend on the ticket write, so they are written only after it succeeded.
 *
 * Numbering: `open` reads the year's counter and creates the ticket with number counter+1 in a column
 * that enforces unique values, then advances the counter with If-Match (a step depending on the ticket
 * creation). Two writers with the same counter reading cannot both create the number: the second gets
 * 409 and tries again with a fresh reading. A counter left behind (its update failed) is put right by
 * the next opener that meets the number taken. Idempotency by source message works the same way: the
 * SourceKey column is unique.
 *
 * Requests: an open is one read batch (source message, counter, entry ids) and one write batch; a save
 * is one write batch, plus one read when this instance has not seen the ticket's current version or
 * the save carries time entries (their ids are checked first, so a duplicate refuses the save whole).
 */
export class SharePointTicketStore implements TicketStore {
  private readonly meta = new MetaCache();
  private opening: Promise<unknown> = Promise.resolve();

  constructor(private readonly items: ListItems) {}

  async open(input: OpenInput): Promise<{ ticket: Ticket; created: boolean }> {
    checkYear(input.year);
    checkEntryIds(input.entries ?? []);
    // One open at a time per instance: opens of one server never race each other for a number.
    const result = this.opening.then(() => this.openSerially(input));
    this.opening = result.catch(() => undefined);
    return result;
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.one('TicketId', id);
  }

  /**
   * The ticket at `version` from memory when this instance read or wrote that version last (an eTag
   * names one content: nothing to read), else read. A newer version elsewhere is caught by the save's
   * If-Match (412, ConflictError), as a read would have caught it.
   */
  async getAtVersion(id: string, version: string): Promise<Ticket | undefined> {
    const meta = this.meta.get(id);
    if (meta?.eTag === version && meta.data !== undefined)
      return { ...(JSON.parse(meta.data) as Omit<Ticket, 'version'>), version } as Ticket;
    return this.get(id);
  }

  async getByNumber(number: string): Promise<Ticket | undefined> {
    return this.one('TicketNumber', number);
  }

  async findBySourceMessageId(messageId: string): Promise<Ticket | undefined> {
    return this.one('SourceKey', messageKey(messageId));
  }

  async list(query: TicketQuery): Promise<TicketPage> {
    if (query.statuses?.length === 0) return { tickets: [] };
    const limit = query.limit;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new ValidationError('limit', `must be a positive integer, got ${limit}`);
    const filter = [
      query.statuses ? anyOf('Status', query.statuses) : undefined,
      query.clientId !== undefined ? eq('ClientId', query.clientId) : undefined,
      query.assigneeId !== undefined ? eq('AssigneeId', query.assigneeId) : undefined,
      query.requesterEmail !== undefined ? eq('RequesterEmail', query.requesterEmail.toLowerCase()) : undefined,
      query.conversationId !== undefined ? eq('ConversationId', query.conversationId) : undefined,
      query.unassigned ? eq('Assigned', false) : undefined,
    ].filter((f): f is string => f !== undefined);
    const first = this.items.queryUrl('tickets', filter.join(' and ') || undefined, limit ?? MAX_PAGE_SIZE);
    const start = query.cursor !== undefined ? decodeCursor(query.cursor, first) : { url: first };
    let url: string | undefined = start.url;
    let lastId = start.afterId ?? 0;
    const tickets: Ticket[] = [];
    while (url) {
      const page = await this.items.page(url);
      const fresh = page.items.filter((item) => Number(item.id) > (start.afterId ?? 0));
      tickets.push(...fresh.map((item) => this.remember(item)));
      lastId = Math.max(lastId, ...page.items.map((item) => Number(item.id)));
      url = page.next;
      // A page of a scan window may be empty: a caller with a limit gets the first page that holds tickets.
      if (limit !== undefined && tickets.length > 0)
        return url ? { tickets, next: encodeCursor({ link: url, afterId: lastId }) } : { tickets };
    }
    return { tickets };
  }

  async save(ticket: Ticket, events: NewTicketEvent[], entries: TimeEntry[] = [], options: SaveOptions = {}): Promise<Ticket> {
    checkEntryIds(entries);
    let meta = this.meta.get(ticket.id);
    // Ids the IdGenerator just made are not looked up: the unique EntryId column still refuses a duplicate.
    const checkEntries = entries.length > 0 && !options.freshEntryIds;
    if (meta?.eTag !== ticket.version || checkEntries) {
      const reads: GraphStep[] = [];
      if (meta?.eTag !== ticket.version)
        reads.push({ id: 'current', method: 'GET', url: this.items.queryUrl('tickets', eq('TicketId', ticket.id), 1) });
      if (checkEntries) reads.push(this.entryCheck(entries));
      const results = await this.items.together(reads);
      await this.refuseTakenEntries(reads, results);
      if (results.has('current')) {
        const item = await this.items.firstFrom(this.checked(reads[0]!, results.get('current')!));
        if (!item) throw new NotFoundError('ticket', ticket.id);
        meta = ticketOf(item).meta;
        this.meta.set(ticket.id, meta);
        if (meta.eTag !== ticket.version) throw new ConflictError('ticket', ticket.number, ticket.version, meta.eTag);
      }
    }
    const current = meta!;
    const fields = ticketFields(ticket, current.eventCount + events.length);
    const write: GraphStep = {
      id: 'ticket',
      method: 'PATCH',
      url: `${this.items.itemUrl('tickets', current.itemId)}/fields`,
      headers: { 'If-Match': ticket.version },
      body: fields,
    };
    const results = await this.writeWithDependents(
      write,
      this.eventSteps(ticket.id, current.eventCount, events),
      this.entrySteps(entries),
    );
    const written = results.get('ticket')!;
    if (written.status === 412) throw new ConflictError('ticket', ticket.number, ticket.version);
    if (written.status === 404) throw new NotFoundError('ticket', ticket.id);
    await this.checkDependents(ticket, results);
    const version = eTagOf(this.checked(write, written));
    this.meta.set(ticket.id, {
      itemId: current.itemId,
      eTag: version,
      eventCount: current.eventCount + events.length,
      data: String(fields.Data),
    });
    return { ...ticket, version };
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    const items = await this.items.all('events', eq('TicketId', ticketId));
    return items.map((item) => JSON.parse(String(item.fields.Data)) as TicketEvent).sort((a, b) => a.seq - b.seq);
  }

  async timeEntries(query: TimeEntryQuery): Promise<TimeEntry[]> {
    const filter = [
      query.ticketId !== undefined ? eq('TicketId', query.ticketId) : undefined,
      query.clientId !== undefined ? eq('ClientId', query.clientId) : undefined,
      query.from !== undefined ? `fields/At ge ${quote(toSecond(query.from, Math.floor))}` : undefined,
      query.to !== undefined ? `fields/At lt ${quote(toSecond(query.to, Math.ceil))}` : undefined,
    ].filter((f): f is string => f !== undefined);
    const items = await this.items.all('timeEntries', filter.join(' and ') || undefined);
    // SharePoint keeps At to the second: the filter is widened to whole seconds, the exact bounds are checked on the record.
    return items
      .map((item) => ({ id: Number(item.id), entry: JSON.parse(String(item.fields.Data)) as TimeEntry }))
      .filter(
        ({ entry }) => (query.from === undefined || entry.at >= query.from) && (query.to === undefined || entry.at < query.to),
      )
      .sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.id - b.id))
      .map(({ entry }) => entry);
  }

  private async one(column: string, value: string): Promise<Ticket | undefined> {
    const item = await this.items.find('tickets', column, value);
    return item ? this.remember(item) : undefined;
  }

  private remember(item: ListItem): Ticket {
    const { ticket, meta } = ticketOf(item);
    this.meta.set(ticket.id, meta);
    return ticket;
  }

  private async openSerially(input: OpenInput): Promise<{ ticket: Ticket; created: boolean }> {
    for (let attempt = 0; attempt < MAX_OPEN_ATTEMPTS; attempt++) {
      const reads: GraphStep[] = [
        { id: 'source', method: 'GET', url: this.items.queryUrl('tickets', eq('SourceKey', sourceKey(input.ticket)), 1) },
        { id: 'counter', method: 'GET', url: this.items.queryUrl('counters', eq('CounterKey', counterKey(input.year)), 1) },
      ];
      if (input.entries?.length) reads.push(this.entryCheck(input.entries));
      const results = await this.items.together(reads);
      const existing = await this.items.firstFrom(this.checked(reads[0]!, results.get('source')!));
      if (existing) return { ticket: this.remember(existing), created: false };
      await this.refuseTakenEntries(reads, results);
      const counterItem = await this.items.firstFrom(this.checked(reads[1]!, results.get('counter')!));
      const counter = counterItem
        ? { itemId: counterItem.id, eTag: counterItem.eTag, value: Number(counterItem.fields.Value) }
        : undefined;
      const n = (counter?.value ?? 0) + 1;
      const created = await this.create(input, n, counter);
      if (created) return { ticket: created, created: true };
      await this.repairCounter(input.year, n, counter);
    }
    throw new Error(`opening a ticket for ${input.year} lost the number race ${MAX_OPEN_ATTEMPTS} times in a row`);
  }

  /** Creates the ticket as number `n` with its events and entries; undefined when the number or the source message was taken (409). */
  private async create(input: OpenInput, n: number, counter: Counter | undefined): Promise<Ticket | undefined> {
    const ticket: Ticket = { ...input.ticket, number: formatTicketNumber(input.year, n) };
    const events = input.events.map((e) => (e.type === 'opened' ? { ...e, data: { ...e.data, number: ticket.number } } : e));
    const write: GraphStep = {
      id: 'ticket',
      method: 'POST',
      url: this.items.itemsUrl('tickets'),
      body: { fields: withoutNulls(ticketFields(ticket, events.length)) },
    };
    const advance: GraphStep = counter
      ? {
          id: 'counter',
          method: 'PATCH',
          url: `${this.items.itemUrl('counters', counter.itemId)}/fields`,
          headers: { 'If-Match': counter.eTag },
          body: { Value: n },
        }
      : {
          id: 'counter',
          method: 'POST',
          url: this.items.itemsUrl('counters'),
          body: { fields: { CounterKey: counterKey(input.year), Value: n } },
        };
    const results = await this.writeWithDependents(
      write,
      [advance, ...this.eventSteps(ticket.id, 0, events)],
      this.entrySteps(input.entries ?? []),
    );
    const written = results.get('ticket')!;
    if (!isOk(written)) {
      // A refusal may be a duplicate number or source message (Graph's status for it is undocumented):
      // read both keys; when neither is taken, the refusal was something else and is reported.
      if (!DUPLICATE_STATUSES.has(written.status)) throw stepError(write, written);
      const [byNumber, bySource] = await Promise.all([
        this.items.find('tickets', 'TicketNumber', ticket.number),
        this.items.find('tickets', 'SourceKey', sourceKey(ticket)),
      ]);
      if (byNumber || bySource) return undefined;
      throw stepError(write, written);
    }
    const item = toItem(written.body ?? {});
    // The counter is a hint kept in step with the unique numbers: a failed advance is repaired later.
    await this.checkDependents(ticket, results);
    this.meta.set(ticket.id, {
      itemId: item.id,
      eTag: eTagOf(written),
      eventCount: events.length,
      data: String(ticketFields(ticket, events.length).Data),
    });
    return { ...ticket, version: eTagOf(written) };
  }

  /** Number `n` was refused: when a ticket has it and the counter still says less, move the counter to `n`. */
  private async repairCounter(year: number, n: number, counter: Counter | undefined): Promise<void> {
    const taken = await this.items.find('tickets', 'TicketNumber', formatTicketNumber(year, n));
    if (!taken) return;
    if (counter) await this.items.update('counters', counter.itemId, { Value: n }, counter.eTag, [412]);
    else await this.items.createUnique('counters', 'CounterKey', counterKey(year), { Value: n });
  }

  private entryCheck(entries: TimeEntry[]): GraphStep {
    return {
      id: 'entries',
      method: 'GET',
      url: this.items.queryUrl(
        'timeEntries',
        anyOf(
          'EntryId',
          entries.map((e) => e.id),
        ),
        entries.length,
      ),
    };
  }

  private async refuseTakenEntries(reads: GraphStep[], results: Map<string, StepResult>): Promise<void> {
    const step = reads.find((s) => s.id === 'entries');
    if (!step) return;
    const taken = await this.items.firstFrom(this.checked(step, results.get('entries')!));
    if (taken) throw new ConflictError('time entry', String(taken.fields.EntryId));
  }

  private eventSteps(ticketId: string, lastSeq: number, events: NewTicketEvent[]): GraphStep[] {
    return events.map((e, i) => {
      const seq = lastSeq + i + 1;
      const event = { id: randomUUID(), ticketId, seq, ...e } as TicketEvent;
      return {
        id: `event-${seq}`,
        method: 'POST' as const,
        url: this.items.itemsUrl('events'),
        body: { fields: { EventKey: `${ticketId}#${seq}`, TicketId: ticketId, Seq: seq, Data: JSON.stringify(event) } },
      };
    });
  }

  private entrySteps(entries: TimeEntry[]): GraphStep[] {
    return entries.map((entry, i) => ({
      id: `entry-${i + 1}`,
      method: 'POST' as const,
      url: this.items.itemsUrl('timeEntries'),
      body: { fields: entryFields(entry) },
    }));
  }

  /**
   * The ticket write first; every other step depends on it, so none is written when it is refused.
   * Past 20 steps the rest follow in further batches, sent only once the ticket write succeeded.
   */
  private async writeWithDependents(write: GraphStep, ...dependents: GraphStep[][]): Promise<Map<string, StepResult>> {
    const rest = dependents.flat().map((s) => ({ ...s, dependsOn: [write.id] }));
    const results = await this.items.together([write, ...rest.slice(0, GRAPH_BATCH_LIMIT - 1)]);
    if (!isOk(results.get(write.id)!)) return results;
    for (let i = GRAPH_BATCH_LIMIT - 1; i < rest.length; i += GRAPH_BATCH_LIMIT) {
      const chunk = rest.slice(i, i + GRAPH_BATCH_LIMIT).map((s) => ({ ...s, dependsOn: [] }));
      for (const [id, result] of await this.items.together(chunk)) results.set(id, result);
    }
    return results;
  }

  /**
   * After the ticket write succeeded: events and entries must all be there. An event refused as a
   * duplicate (any status: undocumented) is one a re-sent step had already written, when its key is
   * there on a read. Anything else is reported (the ticket itself is written).
   */
  private async checkDependents(ticket: Ticket, results: Map<string, StepResult>): Promise<void> {
    const refused = [...results].filter(([id, r]) => id !== 'ticket' && id !== 'counter' && !isOk(r));
    const failed: Array<[string, StepResult]> = [];
    for (const [id, r] of refused) {
      const duplicateEvent =
        id.startsWith('event-') &&
        DUPLICATE_STATUSES.has(r.status) &&
        (await this.items.find('events', 'EventKey', `${ticket.id}#${id.slice('event-'.length)}`));
      if (!duplicateEvent) failed.push([id, r]);
    }
    if (failed.length > 0) {
      const what = failed
        .map(([id, r]) => `${id}: ${r.status} ${String((r.body?.error as { message?: string } | undefined)?.message ?? '')}`)
        .join('; ');
      throw new Error(
        `ticket ${ticket.number} was written but ${failed.length} of its events/entries were not (Graph $batch is not transactional): ${what}`,
      );
    }
  }

  private checked(step: GraphStep, result: StepResult): StepResult {
    if (!isOk(result)) throw stepError(step, result);
    return result;
  }
}
