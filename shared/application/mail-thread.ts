import { writeStates, type StateEntry, type StateStore } from './ports';

/**
 * The Message-IDs of a ticket's email thread (client's and ours, oldest first), kept in the StateStore
 * under `mail-thread:<ticketId>` so every outbound message answers the latest one with a full
 * References chain, and a client's reply to any of them finds the ticket.
 */
export interface MailThread {
  messageIds: string[];
}

const MAX_REFERENCES = 30;

/** The state keys of threads start so (a server may keep them in memory a short time: they only thread mail). */
export const THREAD_KEY_PREFIX = 'mail-thread:';

export function threadKey(ticketId: string): string {
  return `${THREAD_KEY_PREFIX}${ticketId}`;
}

/** Key of the reverse index: one Message-ID -> the ticket whose thread holds it. */
export function messageIndexKey(messageId: string): string {
  return `mail-message:${messageId.toLowerCase()}`;
}

export async function readThread(state: StateStore, ticketId: string): Promise<MailThread> {
  return (await state.getState<MailThread>(threadKey(ticketId))) ?? { messageIds: [] };
}

/**
 * What appending Message-IDs to `thread` writes (first ids kept: the root matters for References):
 * the index entry of each new id, then the thread itself; nothing when every id is already in it.
 */
export function threadAppendWrites(
  thread: MailThread,
  ticketId: string,
  messageIds: ReadonlyArray<string | undefined>,
): { thread: MailThread; writes: StateEntry[] } {
  const ids = [...thread.messageIds];
  const writes: StateEntry[] = [];
  for (const id of messageIds) {
    if (!id || ids.includes(id)) continue;
    ids.push(id);
    writes.push([messageIndexKey(id), ticketId]);
  }
  if (ids.length === thread.messageIds.length) return { thread, writes };
  const capped = ids.length > MAX_REFERENCES ? [ids[0], ...ids.slice(ids.length - MAX_REFERENCES + 1)] : ids;
  const next = { messageIds: capped };
  writes.push([threadKey(ticketId), next]);
  return { thread: next, writes };
}

/** Appends Message-IDs to the ticket's thread and indexes the new ones (one commit where the store allows). */
export async function appendToThread(
  state: StateStore,
  ticketId: string,
  ...messageIds: Array<string | undefined>
): Promise<MailThread> {
  const { thread, writes } = threadAppendWrites(await readThread(state, ticketId), ticketId, messageIds);
  await writeStates(state, writes);
  return thread;
}

export async function ticketIdForMessage(state: StateStore, messageId: string): Promise<string | undefined> {
  return state.getState<string>(messageIndexKey(messageId));
}
