import type { StateStore } from './ports';

/**
 * The Message-IDs of a ticket's email thread (client's and ours, oldest first), kept in the StateStore
 * under `mail-thread:<ticketId>` so every outbound message answers the latest one with a full
 * References chain, and a client's reply to any of them finds the ticket.
 */
export interface MailThread {
  messageIds: string[];
}

const MAX_REFERENCES = 30;

export function threadKey(ticketId: string): string {
  return `mail-thread:${ticketId}`;
}

/** Key of the reverse index: one Message-ID -> the ticket whose thread holds it. */
export function messageIndexKey(messageId: string): string {
  return `mail-message:${messageId.toLowerCase()}`;
}

export async function readThread(state: StateStore, ticketId: string): Promise<MailThread> {
  return (await state.getState<MailThread>(threadKey(ticketId))) ?? { messageIds: [] };
}

/** Appends Message-IDs to the ticket's thread (first ids kept: the root matters for References). */
export async function appendToThread(state: StateStore, ticketId: string, ...messageIds: Array<string | undefined>): Promise<MailThread> {
  const thread = await readThread(state, ticketId);
  const ids = [...thread.messageIds];
  for (const id of messageIds) {
    if (!id || ids.includes(id)) continue;
    ids.push(id);
    await state.setState(messageIndexKey(id), ticketId);
  }
  if (ids.length === thread.messageIds.length) return thread;
  const capped = ids.length > MAX_REFERENCES ? [ids[0], ...ids.slice(ids.length - MAX_REFERENCES + 1)] : ids;
  const next = { messageIds: capped };
  await state.setState(threadKey(ticketId), next);
  return next;
}

export async function ticketIdForMessage(state: StateStore, messageId: string): Promise<string | undefined> {
  return state.getState<string>(messageIndexKey(messageId));
}
