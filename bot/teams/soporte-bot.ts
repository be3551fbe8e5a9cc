import {
  CardFactory,
  MessageFactory,
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import { t } from '../../shared/domain/i18n';
import type { BotReply, BotTurn } from './bot-turn';
import type { CardActionRouter } from './card-action-router';
import { usage, type CommandRouter } from './command-router';
import type { ChannelSave, ConversationRefs } from './conversation-refs';
import type { CreateTicketFromMessage } from './create-ticket-from-message';
import type { ErrorMapper } from './error-mapper';
import { StaffIdentity } from './staff-identity';

export interface SoporteBotParts {
  identity: StaffIdentity;
  commands: CommandRouter;
  cardActions: CardActionRouter;
  messageAction: CreateTicketFromMessage;
  refs: ConversationRefs;
  errors: ErrorMapper;
}

function toActivity(reply: BotReply) {
  return reply.card
    ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.text)
    : MessageFactory.text(reply.text);
}

/**
 * The Teams activity handler: routing only. Messages go to the command table, Action.Execute to the
 * card-action table, the message action to CreateTicketFromMessage; installs save conversation
 * references and greet. Users not registered as active staff get the "not registered" reply only.
 */
export class SoporteBot extends TeamsActivityHandler {
  constructor(private readonly parts: SoporteBotParts) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await parts.refs.save(context.activity, await parts.identity.resolve(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) {
        const installer = await parts.identity.resolve(context.activity);
        const channel = await parts.refs.save(context.activity, installer);
        await this.greet(context, installer, channel);
      }
      await next();
    });
  }

  /** The Action.Execute verbs this bot handles. */
  cardVerbs(): string[] {
    return this.parts.cardActions.verbs();
  }

  /** The install greeting, in the installer's language (Teams' conversationUpdate carries no locale). */
  private async greet(context: TurnContext, turn: BotTurn | undefined, channel: ChannelSave | undefined): Promise<void> {
    const activity = context.activity;
    if (turn && channel === 'saved') {
      await context.sendActivity(t(turn.locale, 'bot.greeting.channel'));
      return;
    }
    if (turn && channel === 'kept-other-channel') {
      await context.sendActivity(t(turn.locale, 'bot.greeting.channelKept'));
      return;
    }
    if (!turn) {
      await context.sendActivity(t(StaffIdentity.localeOf(activity), 'bot.notRegistered'));
      return;
    }
    await context.sendActivity(t(turn.locale, 'bot.greeting.personal', { name: turn.staff.name, help: this.helpWord(turn) }));
  }

  /** The help command's word in the reader's language. */
  private helpWord(turn: BotTurn): string {
    return this.parts.commands.specs.find((spec) => spec.id === 'help')?.words[turn.locale] ?? 'help';
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = await this.parts.identity.resolve(context.activity);
    if (!turn) {
      await context.sendActivity(t(StaffIdentity.localeOf(context.activity), 'bot.notRegistered'));
      return;
    }
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    if (!text.trim()) {
      await context.sendActivity(t(turn.locale, 'bot.emptyMessage', { help: this.helpWord(turn) }));
      return;
    }
    const routed = this.parts.commands.route(text);
    if (routed.kind === 'unknown') {
      await context.sendActivity(t(turn.locale, 'bot.unknownCommand', { word: routed.word }));
      return;
    }
    if (routed.kind === 'usage') {
      await context.sendActivity(t(turn.locale, 'bot.usage', { usage: usage(routed.spec, turn.locale) }));
      return;
    }
    try {
      await context.sendActivity(toActivity(await routed.run(turn)));
    } catch (error) {
      await context.sendActivity(this.parts.errors.map(error, turn.locale).message);
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = await this.parts.identity.resolve(context.activity);
    if (!turn) return messageResponse(t(StaffIdentity.localeOf(context.activity), 'bot.notRegistered'));
    const answer = await this.parts.cardActions.handle(turn, invokeValue.action.verb, invokeValue.action.data);
    if (answer.kind === 'message') return messageResponse(answer.text);
    return { statusCode: StatusCodes.OK, type: 'application/vnd.microsoft.card.adaptive', value: answer.card };
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.messageExtension(context, (turn) => this.parts.messageAction.fetchTask(turn, action));
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.messageExtension(context, (turn) => this.parts.messageAction.submit(turn, action));
  }

  private async messageExtension(
    context: TurnContext,
    run: (turn: BotTurn) => Promise<MessagingExtensionActionResponse>,
  ): Promise<MessagingExtensionActionResponse> {
    const turn = await this.parts.identity.resolve(context.activity);
    if (!turn) return { task: { type: 'message', value: t(StaffIdentity.localeOf(context.activity), 'bot.notRegistered') } };
    try {
      return await run(turn);
    } catch (error) {
      return { task: { type: 'message', value: this.parts.errors.map(error, turn.locale).message } };
    }
  }
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: StatusCodes.OK,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as AdaptiveCardInvokeResponse['value'],
  };
}
