import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { StateStore } from '../../shared/application/ports';
import type { BotTurn } from './bot-turn';

/** StateStore keys of saved conversation references. */
export const CHANNEL_REF_KEY = 'teams:ref:managers-channel';
export function personalRefKey(aadObjectId: string): string {
  return `teams:ref:personal:${aadObjectId}`;
}

/** What saving a channel install did: saved, refused (installer not staff) or kept (another channel stays). */
export type ChannelSave = 'saved' | 'not-staff' | 'kept-other-channel';

/**
 * Conversation references for proactive messages: the team channel the bot was installed in (the
 * managers' channel, for SLA alerts and the digest) and each user's personal chat (by Entra object id).
 * Only registered staff set the managers' channel, and only a manager moves it to another channel, so
 * an outsider's install never redirects SLA alerts.
 */
export class ConversationRefs {
  constructor(private readonly state: StateStore) {}

  /**
   * Saves where this activity came from, when it is a personal chat or a channel `installer` may set.
   * `installer.locale` stands in when the activity carries none (Teams' conversationUpdate).
   */
  async save(activity: Partial<Activity>, installer: BotTurn | undefined): Promise<ChannelSave | undefined> {
    // Without the activity id, a proactive send starts a new post instead of replying to the install event.
    const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
    const value = { ...reference, locale: activity.locale ?? installer?.locale ?? reference.locale };
    const type = activity.conversation?.conversationType;
    if (type === 'personal' && activity.from?.aadObjectId) {
      await this.state.setState(personalRefKey(activity.from.aadObjectId), value);
      return undefined;
    }
    if (type !== 'channel') return undefined;
    if (!installer) return 'not-staff';
    const current = await this.channel();
    if (current?.conversation?.id && current.conversation.id !== reference.conversation?.id && installer.staff.role !== 'manager')
      return 'kept-other-channel';
    await this.state.setState(CHANNEL_REF_KEY, value);
    return 'saved';
  }

  channel(): Promise<Partial<ConversationReference> | undefined> {
    return this.state.getState<Partial<ConversationReference>>(CHANNEL_REF_KEY);
  }

  personal(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.state.getState<Partial<ConversationReference>>(personalRefKey(aadObjectId));
  }
}
