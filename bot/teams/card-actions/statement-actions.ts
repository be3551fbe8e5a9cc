import { z } from 'zod';
import type { StatementService } from '../../../shared/application/statement-service';
import { ValidationError } from '../../../shared/domain/common';
import type { Statement } from '../../../shared/domain/statement';
import type { CardJson } from '../../cards/render-template';
import { statementCard } from '../../cards/statement-card';
import type { BotTurn } from '../bot-turn';
import { requiredText, type CardAction } from '../card-action';

/** What the statement card actions call (StatementService). */
export type StatementReview = Pick<StatementService, 'send' | 'hold' | 'recipients'>;

const SEND = z.object({ statementId: z.string().min(1) });
const HOLD = SEND.extend({ note: requiredText });

function review(statements: StatementReview | undefined): StatementReview {
  if (!statements) throw new ValidationError('statements', 'monthly statements are not configured on this server');
  return statements;
}

async function answer(statements: StatementReview, statement: Statement, turn: BotTurn): Promise<{ card: CardJson }> {
  const recipients = statement.sentTo ?? (await statements.recipients(statement.clientId));
  const files = ['pdf', 'csv', 'xlsx'].map((ext) => `soporte-${statement.clientId}-${statement.month}.${ext}`);
  const card = statementCard(
    { statement, files, recipients, ...(turn.actor.name ? { deciderName: turn.actor.name } : {}) },
    turn.format,
  );
  return { card };
}

/** `statement.send`: a manager sends the drafted statement to the client's administrators. */
export class SendStatementAction implements CardAction<z.infer<typeof SEND>> {
  readonly verb = 'statement.send' as const;
  readonly schema = SEND;
  constructor(private readonly statements: StatementReview | undefined) {}

  async run(turn: BotTurn, data: z.infer<typeof SEND>): Promise<{ card: CardJson }> {
    const statements = review(this.statements);
    return answer(statements, await statements.send(turn.actor, data.statementId), turn);
  }
}

/** `statement.hold`: a manager holds the statement, with a note saying why. */
export class HoldStatementAction implements CardAction<z.infer<typeof HOLD>> {
  readonly verb = 'statement.hold' as const;
  readonly schema = HOLD;
  constructor(private readonly statements: StatementReview | undefined) {}

  async run(turn: BotTurn, data: z.infer<typeof HOLD>): Promise<{ card: CardJson }> {
    const statements = review(this.statements);
    return answer(statements, await statements.hold(turn.actor, data.statementId, data.note), turn);
  }
}
