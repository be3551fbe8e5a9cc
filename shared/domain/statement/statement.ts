import type { StatementData } from './statement-data';

export const STATEMENT_STATUSES = ['draft', 'held', 'sent'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/**
 * A client's monthly statement: drafted by Soporte, reviewed by a manager, sent or held. Once sent it is
 * immutable, with the data it was built from (stores refuse to change a sent statement).
 */
export interface Statement {
  /** `stmt-<clientId>-<YYYY-MM>`: one statement per client and month. */
  id: string;
  clientId: string;
  month: string;
  status: StatementStatus;
  draftedAt: string;
  data: StatementData;
  /** The manager's note when holding it. */
  note?: string;
  decidedBy?: string;
  decidedAt?: string;
  /** The email that carried it: Message-ID (the statement conversation's root) and recipients. */
  sentMessageId?: string;
  sentTo?: string[];
  /** Client replies to the statement email (agreement or dispute), in order. */
  replies?: Array<{ at: string; from: string; intent: 'agreed' | 'disputed'; excerpt: string; messageId?: string }>;
}

export function statementId(clientId: string, month: string): string {
  return `stmt-${clientId}-${month}`;
}

/** A client's reply to a statement: "de acuerdo" / "agreed" (and the like) is agreement; anything else a dispute. */
export function statementReplyIntent(text: string): 'agreed' | 'disputed' {
  const first = text
    .trim()
    .split(/\r?\n/)[0]
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return /^(de acuerdo|estamos de acuerdo|conforme|aprobado|agreed|we agree|approved|ok\b|okay\b)/.test(first)
    ? 'agreed'
    : 'disputed';
}
