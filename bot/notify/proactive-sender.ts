import type { CloudAdapter } from 'botbuilder';
import type { Activity, ConversationReference } from 'botbuilder';

/** Sends and updates activities in a saved conversation, as the bot (CloudAdapter.continueConversationAsync). */
export class ProactiveSender {
  constructor(private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>, private readonly appId: string) {}

  /** Posts `activity`; returns the id the channel gave it. */
  async post(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
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
