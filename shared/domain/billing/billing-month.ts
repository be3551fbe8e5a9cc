import { DateTime } from 'luxon';
import { ValidationError } from '../common/errors';

/** A billing month `YYYY-MM` in a time zone, as UTC instants `[from, to)`. */
export interface BillingMonth {
  month: string;
  from: string;
  to: string;
}

/** The bounds of `month` (`YYYY-MM`) in `timeZone`; anything else is refused with a clear error. */
export function billingMonth(month: string, timeZone: string): BillingMonth {
  const start = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? DateTime.fromFormat(month, 'yyyy-MM', { zone: timeZone }) : undefined;
  if (!start?.isValid) throw new ValidationError('month', `"${month}" is not a month as YYYY-MM`);
  return { month, from: start.toUTC().toISO() as string, to: start.plus({ months: 1 }).toUTC().toISO() as string };
}
