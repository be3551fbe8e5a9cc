/** `SUP-<year>-<n>`, n zero-padded to 4 digits (SUP-2026-0042; SUP-2026-12345 past 9999). */
export function formatTicketNumber(year: number, n: number): string {
  return `SUP-${year}-${String(n).padStart(4, '0')}`;
}

/** A ticket number as a regular expression source (subject tags, Outlook categories). */
export const TICKET_NUMBER_PATTERN = 'SUP-\\d{4}-\\d{4,}';

const WHOLE_TICKET_NUMBER = new RegExp(`^${TICKET_NUMBER_PATTERN}$`);

/** Whether `text` is a whole ticket number (an Outlook category Soporte put on a message, say). */
export function isTicketNumber(text: string): boolean {
  return WHOLE_TICKET_NUMBER.test(text);
}
