import type Database from 'better-sqlite3';
import type { StatementStore } from '../../application/statement-ports';
import { ConflictError, NotFoundError } from '../../domain/common';
import type { Statement, StatementStatus } from '../../domain/statement';
import { SqlFilter } from './sql-filter';
import { StatementCache } from './statement-cache';

/** Monthly statements as JSON rows; a sent one is never rewritten (the check and the write share a transaction). */
export class SqliteStatementStore implements StatementStore {
  private readonly cache: StatementCache;

  constructor(private readonly db: Database.Database) {
    this.cache = new StatementCache(db);
  }

  async put(statement: Statement): Promise<void> {
    this.db.transaction(() => {
      const status = this.cache.get('SELECT status FROM statements WHERE id = ?').pluck(true).get(statement.id) as
        string | undefined;
      if (status === 'sent') throw new ConflictError('statement', statement.id, 'unsent', 'sent');
      this.cache
        .get(
          `INSERT INTO statements (id, client_id, month, status, sent_message_id, data) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET status = excluded.status, sent_message_id = excluded.sent_message_id, data = excluded.data`,
        )
        .run(
          statement.id,
          statement.clientId,
          statement.month,
          statement.status,
          statement.sentMessageId ?? null,
          JSON.stringify(statement),
        );
    })();
  }

  async get(id: string): Promise<Statement | undefined> {
    const data = this.cache.get('SELECT data FROM statements WHERE id = ?').pluck(true).get(id) as string | undefined;
    return data === undefined ? undefined : (JSON.parse(data) as Statement);
  }

  async list(query: { clientId?: string; status?: StatementStatus }): Promise<Statement[]> {
    const filter = new SqlFilter()
      .when(query.clientId, 'client_id = ?', query.clientId)
      .when(query.status, 'status = ?', query.status);
    const rows = this.cache
      .get(`SELECT data FROM statements${filter.toSql()} ORDER BY month, client_id`)
      .pluck(true)
      .all(...filter.params) as string[];
    return rows.map((data) => JSON.parse(data) as Statement);
  }

  async findBySentMessageId(messageId: string): Promise<Statement | undefined> {
    const data = this.cache.get('SELECT data FROM statements WHERE sent_message_id = ?').pluck(true).get(messageId) as
      string | undefined;
    return data === undefined ? undefined : (JSON.parse(data) as Statement);
  }

  async addReply(id: string, reply: NonNullable<Statement['replies']>[number]): Promise<void> {
    this.db.transaction(() => {
      const data = this.cache.get('SELECT data FROM statements WHERE id = ?').pluck(true).get(id) as string | undefined;
      if (data === undefined) throw new NotFoundError('statement', id);
      const statement = JSON.parse(data) as Statement;
      statement.replies = [...(statement.replies ?? []), reply];
      this.cache.get('UPDATE statements SET data = ? WHERE id = ?').run(JSON.stringify(statement), id);
    })();
  }
}
