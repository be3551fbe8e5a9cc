import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { TicketPage, TicketQuery, TicketStore, TimeEntryQuery } from '../../application/ports';
import type { TimeEntry } from '../../domain/billing';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/common';
import type { Ticket } from '../../domain/ticket';
import type { NewTicketEvent, TicketEvent } from '../../domain/ticket';
import type { TicketStatus } from '../../domain/ticket';
import { SqlFilter } from './sql-filter';
import { StatementCache } from './statement-cache';
import { TicketCache } from './ticket-cache';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor';
import { TICKET_KEY_SQL, ticketKeySeq, ticketKeyVersion } from './ticket-key';
import { formatTicketNumber } from '../../domain/ticket';

type TicketRow = [seq: number, version: number, data: string];

/** A committed ticket write: cached (and parsed back) only once the transaction has committed. */
interface Written {
  seq: number;
  version: number;
  json: string;
}

interface OpenInput {
  ticket: Ticket;
  events: NewTicketEvent[];
  entries?: TimeEntry[];
  year: number;
}

/** The stored JSON leaves the version out: the `version` column is the only source of it. */
function ticketJson(ticket: Ticket): string {
  const { version: _version, ...rest } = ticket;
  return JSON.stringify(rest);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new ValidationError('year', `must be a four-digit year, got ${year}`);
}

function prepareTicketStatements(db: Database.Database) {
  return {
    byId: db.prepare('SELECT seq, version, data FROM tickets WHERE id = ?').raw(true),
    byNumber: db.prepare('SELECT seq, version, data FROM tickets WHERE number = ?').raw(true),
    bySource: db.prepare('SELECT seq, version, data FROM tickets WHERE source_message_id = ?').raw(true),
    dataBySeqs: db.prepare('SELECT seq, version, data FROM tickets WHERE seq IN (SELECT value FROM json_each(?))').raw(true),
    versionOf: db.prepare('SELECT version FROM tickets WHERE id = ?').pluck(true),
    nextNumber: db
      .prepare(
        'INSERT INTO ticket_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
      )
      .pluck(true),
    insertTicket: db.prepare(
      `INSERT INTO tickets (id, number, version, status, client_id, assignee_id, requester_email, conversation_id, source_message_id, data)
       VALUES (@id, @number, 1, @status, @clientId, @assigneeId, @requesterEmail, @conversationId, @sourceMessageId, @data)`,
    ),
    updateTicket: db
      .prepare(
        `UPDATE tickets SET version = version + 1, status = @status, client_id = @clientId, assignee_id = @assigneeId,
         requester_email = @requesterEmail, conversation_id = @conversationId, source_message_id = @sourceMessageId, data = @data
       WHERE id = @id AND version = @version RETURNING seq, version`,
      )
      .raw(true),
    lastEventSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM ticket_events WHERE ticket_id = ?').pluck(true),
    insertEvent: db.prepare('INSERT INTO ticket_events (ticket_id, seq, data) VALUES (?, ?, ?)'),
    events: db.prepare('SELECT data FROM ticket_events WHERE ticket_id = ? ORDER BY seq').pluck(true),
    insertEntry: db.prepare('INSERT INTO time_entries (id, ticket_id, client_id, at, data) VALUES (?, ?, ?, ?, ?)'),
  };
}

/**
 * Tickets, events and time entries on one connection. Every write is one IMMEDIATE transaction, so
 * numbering, idempotency and version checks hold across connections and processes. Reads select
 * positions and versions first (packed, see ticket-key.ts) and parse JSON only for tickets not in
 * the TicketCache, inside one read transaction (a consistent snapshot). Committed writes enter the
 * cache too, so a running server's sweeps stay warm. Every ticket returned is a frozen snapshot.
 */
export class SqliteTicketStore implements TicketStore {
  private readonly cache: StatementCache;
  private readonly parsed: TicketCache;
  private readonly stmt: ReturnType<typeof prepareTicketStatements>;
  private readonly openTx: (input: OpenInput) => { ticket: Ticket; created: false } | Written;
  private readonly saveTx: (ticket: Ticket, events: NewTicketEvent[], entries: TimeEntry[]) => Written;
  private readonly readTx: (select: () => number[]) => Ticket[];

  /** `cacheCapacity`: how many parsed tickets to keep between reads (0 turns the cache off). */
  constructor(db: Database.Database, cacheCapacity: number) {
    this.cache = new StatementCache(db);
    this.parsed = new TicketCache(cacheCapacity);
    this.stmt = prepareTicketStatements(db);
    this.openTx = db.transaction((input: OpenInput) => this.openInTransaction(input)).immediate;
    this.saveTx = db.transaction((ticket: Ticket, events: NewTicketEvent[], entries: TimeEntry[]) =>
      this.saveInTransaction(ticket, events, entries),
    ).immediate;
    this.readTx = db.transaction((select: () => number[]) => this.materialise(select()));
  }

  async open(input: OpenInput): Promise<{ ticket: Ticket; created: boolean }> {
    checkYear(input.year);
    const result = this.openTx(input);
    return 'json' in result ? { ticket: this.parsed.add(result.seq, result.version, result.json), created: true } : result;
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.one(this.stmt.byId, id);
  }

  async getByNumber(number: string): Promise<Ticket | undefined> {
    return this.one(this.stmt.byNumber, number);
  }

  async findBySourceMessageId(messageId: string): Promise<Ticket | undefined> {
    return this.one(this.stmt.bySource, messageId);
  }

  async list(query: TicketQuery): Promise<TicketPage> {
    const { statuses, limit } = query;
    if (statuses?.length === 0) return { tickets: [] };
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new ValidationError('limit', `must be a positive integer, got ${limit}`);
    const after = query.cursor === undefined ? undefined : decodeTicketCursor(query.cursor);
    // A page over several statuses reads each status's index range in seq order and merges them:
    // one `status IN (...) ORDER BY seq LIMIT` would sort every remaining row for every page.
    const perStatus = limit !== undefined && statuses !== undefined && statuses.length > 1;
    let last = 0;
    const tickets = this.readTx(() => {
      const keys = perStatus
        ? this.mergedStatusKeys(query, statuses, after, limit)
        : (this.keySelect(query, after, limit).run() as number[]);
      if (limit !== undefined && keys.length > limit) {
        keys.length = limit;
        last = ticketKeySeq(keys[limit - 1]);
      }
      return keys;
    });
    return last > 0 ? { tickets, next: encodeTicketCursor(last) } : { tickets };
  }

  /**
   * The first `limit + 1` keys (in seq order) over several statuses. Once one status has given
   * `limit + 1` rows, no row past its last can make the page, so the next statuses read only up to
   * that seq (the ceiling) instead of `limit + 1` rows each.
   */
  private mergedStatusKeys(query: TicketQuery, statuses: TicketStatus[], after: number | undefined, limit: number): number[] {
    const keys: number[] = [];
    let ceiling: number | undefined;
    for (const status of statuses) {
      const rows = this.keySelect({ ...query, statuses: [status] }, after, limit, ceiling).run() as number[];
      for (const key of rows) keys.push(key);
      if (rows.length > limit) {
        const seq = ticketKeySeq(rows[limit]);
        if (ceiling === undefined || seq < ceiling) ceiling = seq;
      }
    }
    return keys.sort((x, y) => x - y);
  }

  /** The select of packed keys (in seq order, sorted as numbers too) for `query`, up to seq `ceiling` when given. */
  private keySelect(
    query: TicketQuery,
    after: number | undefined,
    limit: number | undefined,
    ceiling?: number,
  ): { run(): unknown[] } {
    const statuses = query.statuses ?? [];
    const filter = new SqlFilter()
      .when(
        query.statuses,
        statuses.length === 1 ? 'status = ?' : `status IN (${statuses.map(() => '?').join(', ')})`,
        ...statuses,
      )
      .when(query.clientId, 'client_id = ?', query.clientId)
      .when(query.assigneeId, 'assignee_id = ?', query.assigneeId)
      .when(query.requesterEmail, 'requester_email = ?', query.requesterEmail?.toLowerCase())
      .when(query.conversationId, 'conversation_id = ?', query.conversationId)
      .when(query.unassigned || undefined, 'assignee_id IS NULL')
      .when(after, 'seq > ?', after)
      .when(ceiling, 'seq <= ?', ceiling);
    let sql = `SELECT ${TICKET_KEY_SQL} FROM tickets${filter.toSql()} ORDER BY seq`;
    if (limit !== undefined) {
      sql += ' LIMIT ?';
      filter.params.push(limit + 1);
    }
    const statement = this.cache.get(sql).pluck(true);
    const params = filter.params;
    return { run: () => statement.all(...params) };
  }

  async save(ticket: Ticket, events: NewTicketEvent[], entries: TimeEntry[] = []): Promise<Ticket> {
    const written = this.saveTx(ticket, events, entries);
    return this.parsed.add(written.seq, written.version, written.json);
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    return (this.stmt.events.all(ticketId) as string[]).map((data) => JSON.parse(data) as TicketEvent);
  }

  async timeEntries(query: TimeEntryQuery): Promise<TimeEntry[]> {
    const filter = new SqlFilter()
      .when(query.ticketId, 'ticket_id = ?', query.ticketId)
      .when(query.clientId, 'client_id = ?', query.clientId)
      .when(query.from, 'at >= ?', query.from)
      .when(query.to, 'at < ?', query.to);
    const sql = `SELECT data FROM time_entries${filter.toSql()} ORDER BY at, rowid`;
    const params = filter.params;
    return (
      this.cache
        .get(sql)
        .pluck(true)
        .all(...params) as string[]
    ).map((data) => JSON.parse(data) as TimeEntry);
  }

  private one(statement: Database.Statement, key: string): Ticket | undefined {
    const row = statement.get(key) as TicketRow | undefined;
    return row ? (this.parsed.get(row[0], row[1]) ?? this.parsed.add(row[0], row[1], row[2])) : undefined;
  }

  /** The tickets for packed `keys` in order: cached ones as they are, the others fetched and parsed in one query. */
  private materialise(keys: number[]): Ticket[] {
    const tickets = new Array<Ticket>(keys.length);
    const missing = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) {
      const seq = ticketKeySeq(keys[i]);
      const cached = this.parsed.get(seq, ticketKeyVersion(keys[i]));
      if (cached) tickets[i] = cached;
      else missing.set(seq, i);
    }
    if (missing.size > 0) {
      for (const row of this.stmt.dataBySeqs.all(JSON.stringify([...missing.keys()])) as TicketRow[]) {
        tickets[missing.get(row[0])!] = this.parsed.add(row[0], row[1], row[2]);
      }
    }
    return tickets;
  }

  private openInTransaction(input: OpenInput): { ticket: Ticket; created: false } | Written {
    const sourceMessageId = input.ticket.sourceMessageId;
    if (sourceMessageId !== undefined) {
      const existing = this.one(this.stmt.bySource, sourceMessageId);
      if (existing) return { ticket: existing, created: false };
    }
    const n = this.stmt.nextNumber.get(input.year) as number;
    const ticket: Ticket = { ...input.ticket, number: formatTicketNumber(input.year, n) };
    const columns = this.columns(ticket);
    const seq = Number(this.stmt.insertTicket.run(columns).lastInsertRowid);
    const events = input.events.map((e) => (e.type === 'opened' ? { ...e, data: { ...e.data, number: ticket.number } } : e));
    this.appendEvents(ticket.id, 0, events);
    this.insertEntries(input.entries ?? []);
    return { seq, version: 1, json: columns.data };
  }

  private saveInTransaction(ticket: Ticket, events: NewTicketEvent[], entries: TimeEntry[]): Written {
    const version = Number(ticket.version);
    const columns = this.columns(ticket);
    const updated = this.stmt.updateTicket.get({ ...columns, version: Number.isInteger(version) ? version : -1 }) as
      [seq: number, version: number] | undefined;
    if (updated === undefined) {
      const actual = this.stmt.versionOf.get(ticket.id) as number | undefined;
      if (actual === undefined) throw new NotFoundError('ticket', ticket.id);
      throw new ConflictError('ticket', ticket.number, ticket.version, String(actual));
    }
    this.appendEvents(ticket.id, this.stmt.lastEventSeq.get(ticket.id) as number, events);
    this.insertEntries(entries);
    return { seq: updated[0], version: updated[1], json: columns.data };
  }

  private columns(ticket: Ticket) {
    return {
      id: ticket.id,
      number: ticket.number,
      status: ticket.status,
      clientId: ticket.clientId,
      assigneeId: ticket.assigneeId ?? null,
      requesterEmail: ticket.requesterEmail.toLowerCase(),
      conversationId: ticket.conversationId ?? null,
      sourceMessageId: ticket.sourceMessageId ?? null,
      data: ticketJson(ticket),
    };
  }

  private appendEvents(ticketId: string, lastSeq: number, events: NewTicketEvent[]): void {
    events.forEach((e, i) => {
      const seq = lastSeq + i + 1;
      const event = { ...e, id: randomUUID(), ticketId, seq } as TicketEvent;
      this.stmt.insertEvent.run(ticketId, seq, JSON.stringify(event));
    });
  }

  private insertEntries(entries: TimeEntry[]): void {
    for (const entry of entries)
      this.stmt.insertEntry.run(entry.id, entry.ticketId, entry.clientId, entry.at, JSON.stringify(entry));
  }
}
