import type { InboundAttachment } from '../domain/mail';
import type { StateStore } from './ports';

/** A file a client sent on a ticket: kept by mail intake (the stored copy), listed for the L4 case. */
export interface TicketAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  storedRef: string;
  /** The email that carried it. */
  messageId: string;
}

export function ticketAttachmentsKey(ticketId: string): string {
  return `ticket-attachments:${ticketId}`;
}

export async function readTicketAttachments(state: StateStore, ticketId: string): Promise<TicketAttachment[]> {
  return (await state.getState<TicketAttachment[]>(ticketAttachmentsKey(ticketId))) ?? [];
}

/** Adds an email's attachments (inline images left out) to the ticket's list; a copy seen before is not added twice. */
export async function recordTicketAttachments(
  state: StateStore,
  ticketId: string,
  messageId: string,
  attachments: readonly InboundAttachment[],
): Promise<void> {
  const files = attachments.filter((a) => !a.inline);
  if (files.length === 0) return;
  const known = await readTicketAttachments(state, ticketId);
  const added = files
    .filter((a) => !known.some((k) => k.storedRef === a.storedRef))
    .map(({ filename, contentType, sizeBytes, storedRef }) => ({ filename, contentType, sizeBytes, storedRef, messageId }));
  if (added.length > 0) await state.setState(ticketAttachmentsKey(ticketId), [...known, ...added]);
}
