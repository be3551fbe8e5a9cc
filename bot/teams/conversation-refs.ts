import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { StateStore } from '../../shared/application/ports';

/** StateStore keys of saved conversation references. */
export const CHANNEL_REF_KEY = 'teams:ref:managers-channel';
export function personalRefKey(aadObjectId: string): string {
  return `teams:ref:personal:${aadObjectId}`;
}

/**
 * Conversation references for proactive messages: the team channel the bot was installed in (the
 * managers' channel, for SLA alerts and the digest) and each user's personal chat (by Entra object id).
 */
export class ConversationRefs {
  constructor(private readonly state: StateStore) {}

  /**
   * Saves where this activity came from, when it is a channel or a personal chat. Returns the key.
   * `locale` (the installer's) stands in when the activity carries none (Teams' conversationUpdate).
   */
  async save(activity: Partial<Activity>, locale?: string): Promise<string | undefined> {
    // Without the activity id, a proactive send starts a new post instead of replying to the install event.
    const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
    const type = activity.conversation?.conversationType;
    const key = type === 'channel' ? CHANNEL_REF_KEY : type === 'personal' && activity.from?.aadObjectId ? personalRefKey(activity.from.aadObjectId) : undefined;
    if (!key) return undefined;
    await this.state.setState(key, { ...reference, locale: activity.locale ?? locale ?? reference.locale });
    return key;
  }

  channel(): Promise<Partial<ConversationReference> | undefined> {
    return this.state.getState<Partial<ConversationReference>>(CHANNEL_REF_KEY);
  }

  personal(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.state.getState<Partial<ConversationReference>>(personalRefKey(aadObjectId));
  }
}
