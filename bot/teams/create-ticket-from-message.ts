import { CardFactory, type MessagingExtensionAction, type MessagingExtensionActionResponse } from 'botbuilder';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { EMAIL_PATTERN } from '../../shared/domain/common';
import type { DirectoryStore } from '../../shared/application/ports';
import type { TicketCommands } from '../../shared/application/ticket-commands';
import { ValidationError } from '../../shared/domain/common';
import { t } from '../../shared/domain/i18n';
import { PRIORITIES } from '../../shared/domain/ticket';
import { messageTicketCard } from '../cards/message-ticket-card';
import type { BotTurn } from './bot-turn';
import { requiredText } from './card-action';

/** The message extension command id, as in manifest/teams/manifest.template.json. */
export const CREATE_TICKET_COMMAND_ID = 'createTicketFromMessage';

const SUBMIT = z.object({
  clientId: requiredText,
  requesterEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ pattern: EMAIL_PATTERN })),
  subject: requiredText,
  description: requiredText,
  priority: z.enum(PRIORITIES).default('medium'),
  sourceMessageId: z.string().min(1),
});

/** A Teams message body (HTML) as plain text, one line per paragraph or line break. */
function plainText(html: string | undefined): string {
  const lines = (html ?? '').replace(/<\/(p|div|li|h[1-6])>|<br\s*\/?>/gi, '\n');
  return sanitizeHtml(lines, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * "Create ticket from this message": `composeExtension/fetchTask` answers with a form prefilled from
 * the message; `composeExtension/submitAction` opens the ticket for the chosen client (idempotent by
 * the Teams message id) and says which number it got.
 */
export class CreateTicketFromMessage {
  constructor(private readonly deps: { tickets: TicketCommands; directory: Pick<DirectoryStore, 'listClients'> }) {}

  async fetchTask(turn: BotTurn, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (action.commandId !== CREATE_TICKET_COMMAND_ID)
      throw new ValidationError('commandId', `unknown message action "${action.commandId}"`);
    const message = action.messagePayload;
    const text = plainText(message?.body?.content);
    const clients = (await this.deps.directory.listClients()).sort((a, b) => a.name.localeCompare(b.name));
    const card = messageTicketCard(
      {
        clients,
        messageId: message?.id ?? '',
        subject: text.split('\n')[0].slice(0, 120),
        description: text,
        requesterEmail: '',
      },
      turn.format,
    );
    return {
      task: {
        type: 'continue',
        value: {
          title: t(turn.locale, 'bot.fromMessage.title'),
          card: CardFactory.adaptiveCard(card),
          width: 'medium',
          height: 'large',
        },
      },
    };
  }

  async submit(turn: BotTurn, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const parsed = SUBMIT.safeParse(action.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationError(issue?.path.join('.') || 'data', issue?.message ?? 'invalid');
    }
    const { sourceMessageId, ...input } = parsed.data;
    const { ticket, created } = await this.deps.tickets.open(turn.actor, {
      ...input,
      channel: 'teams',
      sourceMessageId: `teams:${sourceMessageId}`,
      raisedAt: turn.now,
    });
    const key = created ? 'bot.fromMessage.opened' : 'bot.fromMessage.existing';
    return { task: { type: 'message', value: t(turn.locale, key, { number: ticket.number }) } };
  }
}
