import { TICKET_NUMBER_PATTERN } from '../ticket/ticket-number';

/**
 * The ticket number travels in the subject as `[SUP-2026-0042]`: outbound subjects carry it, and a
 * client's reply (or a new message quoting it) is matched back to the ticket by it.
 */
const TAG_PATTERN = new RegExp(`\\[\\s*(${TICKET_NUMBER_PATTERN})\\s*\\]`, 'gi');
const BARE_PATTERN = new RegExp(`\\b(${TICKET_NUMBER_PATTERN})\\b`, 'gi');

/** `[SUP-2026-0042] subject`, without doubling a tag the subject already carries. */
export function tagSubject(subject: string, ticketNumber: string): string {
  const clean = withoutTag(subject, ticketNumber)
    .replace(/\s{2,}/g, ' ')
    .trim();
  return clean ? `[${ticketNumber}] ${clean}` : `[${ticketNumber}]`;
}

/**
 * Ticket numbers named in a subject, bracketed tags first, then bare mentions ("re: SUP-2026-0042"),
 * upper-cased and without duplicates.
 */
export function extractTicketNumbers(subject: string): string[] {
  const found: string[] = [];
  for (const pattern of [TAG_PATTERN, BARE_PATTERN]) {
    for (const match of subject.matchAll(pattern)) {
      const number = match[1].toUpperCase();
      if (!found.includes(number)) found.push(number);
    }
  }
  return found;
}

/** The subject without reply/forward prefixes (Re:, RE:, Fw:, RV:, Fwd:, AW:, RES:) and ticket tags. */
export function baseSubject(subject: string): string {
  let s = subject.replace(TAG_PATTERN, ' ');
  for (;;) {
    const next = s.replace(/^\s*(re|fw|fwd|rv|aw|wg|res|enc|tr)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s{2,}/g, ' ').trim();
}

/**
 * `subject` without `[ticketNumber]` tags (any case, inner spaces allowed). The pattern is built only
 * when the number occurs at all: a new RegExp per call costs more than composing the whole email.
 */
function withoutTag(subject: string, ticketNumber: string): string {
  // Case-insensitive matching of an ASCII number only matches ASCII text, so lower-casing both finds every candidate.
  if (!NON_ASCII.test(ticketNumber) && !subject.toLowerCase().includes(ticketNumber.toLowerCase())) return subject;
  return subject.replace(new RegExp(`\\[\\s*${escapeRegExp(ticketNumber)}\\s*\\]`, 'gi'), '');
}

const NON_ASCII = /[^\u0020-\u007e]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
