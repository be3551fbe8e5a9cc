import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';

/** Sends and updates activities in a saved conversation, as the bot (CloudAdapter.continueConversationAsync). */
export class ProactiveSender {
  constructor(
    private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>,
    private readonly appId: string,
  ) {}

  /**
   * Posts `activity` as a new message of the conversation (a new post in a channel), not as a reply to
   * the continuation event TurnContext.sendActivity would reply to; returns the id the channel gave it.
   */
  async post(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      const outgoing = TurnContext.applyConversationReference(
        { type: 'message', ...activity },
        TurnContext.getConversationReference(context.activity),
      );
      delete outgoing.replyToId;
      const [response] = await context.adapter.sendActivities(context, [outgoing]);
      id = response?.id;
    });
    return id;
  }

  /** Replaces the activity `activityId` in place (a card that follows its ticket). */
  async update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, conversation: context.activity.conversation });
    });
  }
}
