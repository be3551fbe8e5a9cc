import type { Activity } from 'botbuilder';

export interface From {
  aadObjectId?: string;
  locale?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  serviceUrl?: string;
}

function base(from: From): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: from.serviceUrl ?? 'http://127.0.0.1:9/',
    from: { id: `user-${from.aadObjectId ?? 'stranger'}`, name: 'User', aadObjectId: from.aadObjectId },
    recipient: { id: 'bot-id', name: 'Soporte' },
    conversation: {
      id: from.conversationId ?? `personal-${from.aadObjectId ?? 'stranger'}`,
      conversationType: from.conversationType ?? 'personal',
      isGroup: from.conversationType === 'channel',
    },
    locale: from.locale ?? 'en-US',
  } as Partial<Activity>;
}

/** A chat message from a Teams user. */
export function message(text: string, from: From): Partial<Activity> {
  return { ...base(from), type: 'message', id: `msg-${Math.random().toString(36).slice(2)}`, text };
}

/** An Action.Execute on a card (Universal Actions). */
export function cardAction(verb: string, data: Record<string, unknown>, from: From): Partial<Activity> {
  return {
    ...base(from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot installed in a conversation (what Teams sends on install). */
export function installed(from: From): Partial<Activity> {
  return { ...base(from), type: 'conversationUpdate', membersAdded: [{ id: 'bot-id' }] } as Partial<Activity>;
}

/** A message-extension invoke (composeExtension/fetchTask or submitAction). */
export function messageExtension(
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction',
  value: Record<string, unknown>,
  from: From,
): Partial<Activity> {
  return { ...base(from), type: 'invoke', name, value };
}

/** The Adaptive Card of an activity's first attachment. */
export function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> {
  const content = activity?.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!content) throw new Error(`activity has no card: ${JSON.stringify(activity)}`);
  return content;
}

/** Every TextBlock text and FactSet fact of a card, flattened: what a reader sees. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
      if (typeof n.title === 'string' && typeof n.value === 'string') out.push(`${n.title}: ${n.value}`);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

/** The verbs of the Action.Execute actions of a card. */
export function verbsOf(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && typeof n.verb === 'string') out.push(n.verb);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The data of the first Action.Execute with `verb`. */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && n.verb === verb) found = n.data as Record<string, unknown>;
      else Object.values(n).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`card has no ${verb} action`);
  return found;
}
