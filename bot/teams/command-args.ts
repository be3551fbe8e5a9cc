import { DateTime } from 'luxon';
import { z } from 'zod';

/** Commands that take no arguments ignore trailing words ("queue please"). */
export const NO_ARGS = z.array(z.string()).transform(() => ({}));

const TICKET_NUMBER = /^(?:SUP-)?(?:(\d{4})-)?(\d{1,6})$/i;

/** `SUP-2026-0042`, `2026-42` or `42` (this year). */
export const TICKET_NUMBER_ARGS = z
  .array(z.string())
  .length(1)
  .refine((words) => TICKET_NUMBER.test(words[0]), { message: 'not a ticket number' })
  .transform((words) => {
    const match = TICKET_NUMBER.exec(words[0]) as RegExpExecArray;
    return { year: match[1] ? Number(match[1]) : undefined, sequence: Number(match[2]) };
  });

/** A ticket number written in full (`SUP-2026-0042`), the year defaulting to `now`'s in `timeZone`. */
export function fullTicketNumber(args: { year?: number | undefined; sequence: number }, now: Date, timeZone: string): string {
  const year = args.year ?? DateTime.fromJSDate(now, { zone: timeZone }).year;
  return `SUP-${year}-${String(args.sequence).padStart(4, '0')}`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `<client words...> [YYYY-MM]`. */
export const HOURS_ARGS = z
  .array(z.string())
  .min(1)
  .transform((words) => {
    const last = words[words.length - 1];
    const month = MONTH.test(last) ? last : undefined;
    return { client: (month ? words.slice(0, -1) : words).join(' '), month };
  })
  .refine((args) => args.client.length > 0, { message: 'the client is missing' });

/** The current month (YYYY-MM) in `timeZone`. */
export function currentMonth(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toFormat('yyyy-LL');
}
