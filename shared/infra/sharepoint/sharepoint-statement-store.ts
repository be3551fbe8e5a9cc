import type { StatementStore } from '../../application/statement-ports';
import { ConflictError, NotFoundError } from '../../domain/common';
import type { Statement, StatementStatus } from '../../domain/statement';
import { eq, withoutNulls, type ListItems } from './list-items';

const fieldsOf = (statement: Statement) => ({
  ClientId: statement.clientId,
  Status: statement.status,
  SentMessageId: statement.sentMessageId ?? null,
  Data: JSON.stringify(statement),
});
const parse = (data: unknown) => JSON.parse(String(data)) as Statement;

/**
 * Monthly statements: SoporteStatements items (unique StatementId). Every change is an If-Match write on
 * the eTag read with the check, so a sent statement is never overwritten, even by a concurrent writer.
 */
export class SharePointStatementStore implements StatementStore {
  constructor(private readonly items: ListItems) {}

  async put(statement: Statement): Promise<void> {
    const item = await this.items.find('statements', 'StatementId', statement.id);
    if (!item) {
      const created = await this.items.create(
        'statements',
        withoutNulls({ StatementId: statement.id, ...fieldsOf(statement) }),
        [409],
      );
      if (created.status === 409) throw new ConflictError('statement', statement.id);
      return;
    }
    if (parse(item.fields.Data).status === 'sent') throw new ConflictError('statement', statement.id, 'unsent', 'sent');
    const result = await this.items.update('statements', item.id, fieldsOf(statement), item.eTag, [412]);
    if (result.status === 412) throw new ConflictError('statement', statement.id, item.eTag);
  }

  async get(id: string): Promise<Statement | undefined> {
    const item = await this.items.find('statements', 'StatementId', id);
    return item ? parse(item.fields.Data) : undefined;
  }

  async list(query: { clientId?: string; status?: StatementStatus }): Promise<Statement[]> {
    const filter = [
      query.clientId !== undefined ? eq('ClientId', query.clientId) : undefined,
      query.status !== undefined ? eq('Status', query.status) : undefined,
    ]
      .filter((f): f is string => f !== undefined)
      .join(' and ');
    return (await this.items.all('statements', filter || undefined))
      .map((item) => parse(item.fields.Data))
      .sort((a, b) => a.month.localeCompare(b.month) || a.clientId.localeCompare(b.clientId));
  }

  async findBySentMessageId(messageId: string): Promise<Statement | undefined> {
    const item = await this.items.find('statements', 'SentMessageId', messageId);
    return item ? parse(item.fields.Data) : undefined;
  }

  async addReply(id: string, reply: NonNullable<Statement['replies']>[number]): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const item = await this.items.find('statements', 'StatementId', id);
      if (!item) throw new NotFoundError('statement', id);
      const statement = parse(item.fields.Data);
      statement.replies = [...(statement.replies ?? []), reply];
      const result = await this.items.update('statements', item.id, { Data: JSON.stringify(statement) }, item.eTag, [412]);
      if (result.status !== 412) return;
    }
    throw new ConflictError('statement', id);
  }
}
