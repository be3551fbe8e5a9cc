import { fullTicketNumber, TICKET_NUMBER_ARGS } from '../teams/command-args';
import { SUPPORT_ZONE } from './output';

/**
 * What a command's `<ticket>` names, as the Teams `ticket 3` reads it: `3` and `2026-3` are this year's
 * (or that year's) SUP number, `SUP-2026-0003` itself; anything else is a ticket id.
 */
export function ticketKey(key: string, now: Date): string {
  const parsed = TICKET_NUMBER_ARGS.safeParse([key.trim()]);
  return parsed.success ? fullTicketNumber(parsed.data, now, SUPPORT_ZONE) : key;
}
