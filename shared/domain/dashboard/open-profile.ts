import type { Ticket } from '../ticket/ticket';
import { SUPPORT_LEVELS, type SupportLevel } from '../ticket/ticket-types';

/** Age buckets of open tickets, in calendar days since opened: [0,1), [1,3), [3,7), [7,30), 30+. */
export const AGE_BUCKETS = ['lt1d', '1to3d', '3to7d', '7to30d', 'gt30d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
const BUCKET_DAYS = [1, 3, 7, 30];

export interface OpenTicketProfile {
  total: number;
  /** Open tickets per age bucket and support level. */
  byAge: Record<AgeBucket, Record<SupportLevel, number>>;
  byLevel: Record<SupportLevel, number>;
  /** Tickets waiting on a Microsoft case (L4), oldest first. */
  microsoftWaiting: Array<{ ticketId: string; caseNumber?: string; since: string }>;
}

const levels = (): Record<SupportLevel, number> =>
  Object.fromEntries(SUPPORT_LEVELS.map((l) => [l, 0])) as Record<SupportLevel, number>;

/** Open tickets (not closed, not resolved) by age and support level at `at`, and the Microsoft cases waiting. */
export function openTicketProfile(
  tickets: ReadonlyArray<Pick<Ticket, 'id' | 'status' | 'level' | 'openedAt' | 'microsoftCaseNumber' | 'pauses'>>,
  at: Date,
): OpenTicketProfile {
  const profile: OpenTicketProfile = {
    total: 0,
    byAge: Object.fromEntries(AGE_BUCKETS.map((b) => [b, levels()])) as OpenTicketProfile['byAge'],
    byLevel: levels(),
    microsoftWaiting: [],
  };
  const now = at.getTime();
  for (const ticket of tickets) {
    if (ticket.status === 'closed' || ticket.status === 'resolved') continue;
    const days = (now - Date.parse(ticket.openedAt)) / 86_400_000;
    let bucket = BUCKET_DAYS.findIndex((limit) => days < limit);
    if (bucket < 0) bucket = AGE_BUCKETS.length - 1;
    profile.total += 1;
    profile.byAge[AGE_BUCKETS[bucket]][ticket.level] += 1;
    profile.byLevel[ticket.level] += 1;
    if (ticket.status === 'waiting-on-microsoft') {
      const pause = ticket.pauses.find((p) => p.reason === 'waiting-on-microsoft' && p.end === undefined);
      const waiting: OpenTicketProfile['microsoftWaiting'][number] = {
        ticketId: ticket.id,
        since: pause?.start ?? ticket.openedAt,
      };
      if (ticket.microsoftCaseNumber !== undefined) waiting.caseNumber = ticket.microsoftCaseNumber;
      profile.microsoftWaiting.push(waiting);
    }
  }
  profile.microsoftWaiting.sort((x, y) => x.since.localeCompare(y.since));
  return profile;
}
