import { ValidationError } from '../../domain/common';

/** The opaque TicketPage cursor: the insertion position of the last ticket returned. */
export function encodeTicketCursor(seq: number): string {
  return Buffer.from(`t:${seq}`, 'utf8').toString('base64url');
}

export function decodeTicketCursor(cursor: string): number {
  const match = /^t:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError('cursor', 'not a cursor returned by this store');
  return Number(match[1]);
}
