import type { Statement, StatementStatus } from '../domain/statement';

/** A rendered statement file (PDF, CSV, XLSX). */
export interface StatementFile {
  name: string;
  contentType: string;
  content: Uint8Array;
}

/** Draws a statement's files (shared/infra/statements). */
export interface StatementRenderer {
  render(statement: Statement): Promise<StatementFile[]>;
}

/**
 * Monthly statements, one per client and month. `put` stores a new statement or replaces a draft or
 * held one; a sent statement is immutable: putting over it throws ConflictError and writes nothing
 * (except appending the client's replies, through `addReply`).
 */
export interface StatementStore {
  put(statement: Statement): Promise<void>;
  get(id: string): Promise<Statement | undefined>;
  list(query: { clientId?: string; status?: StatementStatus }): Promise<Statement[]>;
  /** The sent statement whose email had this Message-ID (a client's reply names it in In-Reply-To/References). */
  findBySentMessageId(messageId: string): Promise<Statement | undefined>;
  addReply(id: string, reply: NonNullable<Statement['replies']>[number]): Promise<void>;
}
