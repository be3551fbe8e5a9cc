import type Database from 'better-sqlite3';
import type { DirectoryStore } from '../../application/ports';
import type { AuthorizedRequester, Client, DirectoryAuditEntry, Staff } from '../../domain/requesters';
import { prefixUpperBound } from './key-prefix';

function parseAll<T>(rows: unknown[]): T[] {
  return (rows as string[]).map((data) => JSON.parse(data) as T);
}

function parseOne<T>(row: unknown): T | undefined {
  return row === undefined ? undefined : (JSON.parse(row as string) as T);
}

function prepareDirectoryStatements(db: Database.Database) {
  return {
    putClient: db.prepare(
      'INSERT INTO clients (id, name, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data',
    ),
    getClient: db.prepare('SELECT data FROM clients WHERE id = ?').pluck(true),
    listClients: db.prepare('SELECT data FROM clients ORDER BY name, id').pluck(true),
    putRequester: db.prepare(
      `INSERT INTO requesters (id, client_id, email, effective_from, effective_to, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET client_id = excluded.client_id, email = excluded.email, effective_from = excluded.effective_from,
         effective_to = excluded.effective_to, data = excluded.data`,
    ),
    listRequesters: db.prepare('SELECT data FROM requesters ORDER BY client_id, email, effective_from, id').pluck(true),
    listClientRequesters: db
      .prepare('SELECT data FROM requesters WHERE client_id = ? ORDER BY email, effective_from, id')
      .pluck(true),
    requestersByEmail: db
      .prepare('SELECT data FROM requesters WHERE email = ? ORDER BY client_id, effective_from, id')
      .pluck(true),
    putStaff: db.prepare(
      `INSERT INTO staff (id, email, aad_object_id, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET email = excluded.email, aad_object_id = excluded.aad_object_id, data = excluded.data`,
    ),
    listStaff: db.prepare('SELECT data FROM staff ORDER BY id').pluck(true),
    getStaff: db.prepare('SELECT data FROM staff WHERE id = ?').pluck(true),
    staffByAad: db.prepare('SELECT data FROM staff WHERE aad_object_id = ? ORDER BY id LIMIT 1').pluck(true),
    staffByEmail: db.prepare('SELECT data FROM staff WHERE email = ? ORDER BY id LIMIT 1').pluck(true),
    appendAudit: db.prepare('INSERT INTO directory_audit (id, subject, data) VALUES (?, ?, ?)'),
    listAudit: db.prepare('SELECT data FROM directory_audit ORDER BY seq').pluck(true),
    listAuditFrom: db.prepare('SELECT data FROM directory_audit WHERE subject >= ? ORDER BY seq').pluck(true),
    listAuditRange: db.prepare('SELECT data FROM directory_audit WHERE subject >= ? AND subject < ? ORDER BY seq').pluck(true),
  };
}

/**
 * Clients, requesters, staff and the audit. Records are upserted whole; requesters are never
 * deleted (deactivation is a put with `effectiveTo`), audit entries only appended. Emails are kept
 * lower-cased so look-ups ignore case.
 */
export class SqliteDirectoryStore implements DirectoryStore {
  private readonly stmt: ReturnType<typeof prepareDirectoryStatements>;

  constructor(db: Database.Database) {
    this.stmt = prepareDirectoryStatements(db);
  }

  async putClient(client: Client): Promise<void> {
    this.stmt.putClient.run(client.id, client.name, JSON.stringify(client));
  }

  async getClient(id: string): Promise<Client | undefined> {
    return parseOne<Client>(this.stmt.getClient.get(id));
  }

  async listClients(): Promise<Client[]> {
    return parseAll<Client>(this.stmt.listClients.all());
  }

  async putRequester(requester: AuthorizedRequester): Promise<void> {
    const record = { ...requester, email: requester.email.toLowerCase() };
    this.stmt.putRequester.run(
      record.id,
      record.clientId,
      record.email,
      record.effectiveFrom,
      record.effectiveTo ?? null,
      JSON.stringify(record),
    );
  }

  async listRequesters(clientId?: string): Promise<AuthorizedRequester[]> {
    const rows = clientId === undefined ? this.stmt.listRequesters.all() : this.stmt.listClientRequesters.all(clientId);
    return parseAll<AuthorizedRequester>(rows);
  }

  async findRequestersByEmail(email: string): Promise<AuthorizedRequester[]> {
    return parseAll<AuthorizedRequester>(this.stmt.requestersByEmail.all(email.toLowerCase()));
  }

  async putStaff(staff: Staff): Promise<void> {
    this.stmt.putStaff.run(staff.id, staff.email.toLowerCase(), staff.aadObjectId ?? null, JSON.stringify(staff));
  }

  async listStaff(): Promise<Staff[]> {
    return parseAll<Staff>(this.stmt.listStaff.all());
  }

  async getStaff(id: string): Promise<Staff | undefined> {
    return parseOne<Staff>(this.stmt.getStaff.get(id));
  }

  async findStaffByAadObjectId(aadObjectId: string): Promise<Staff | undefined> {
    return parseOne<Staff>(this.stmt.staffByAad.get(aadObjectId));
  }

  async findStaffByEmail(email: string): Promise<Staff | undefined> {
    return parseOne<Staff>(this.stmt.staffByEmail.get(email.toLowerCase()));
  }

  async appendAudit(entry: DirectoryAuditEntry): Promise<void> {
    this.stmt.appendAudit.run(entry.id, entry.subject, JSON.stringify(entry));
  }

  async listAudit(subjectPrefix?: string): Promise<DirectoryAuditEntry[]> {
    if (!subjectPrefix) return parseAll<DirectoryAuditEntry>(this.stmt.listAudit.all());
    const upper = prefixUpperBound(subjectPrefix);
    const rows =
      upper === undefined ? this.stmt.listAuditFrom.all(subjectPrefix) : this.stmt.listAuditRange.all(subjectPrefix, upper);
    return parseAll<DirectoryAuditEntry>(rows);
  }
}
