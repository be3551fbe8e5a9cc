/**
 * A ticket row's position and version packed into one integer, so a sweep over 50,000 tickets
 * reads one number per row (no array, no string): `seq * 2^24 + version`. Exact while
 * seq < 2^29 and version < 2^24, i.e. half a billion tickets of up to 16 million saves each.
 */
const VERSION_SPAN = 2 ** 24;

/** The SQL expression selecting the packed key of a `tickets` row. */
export const TICKET_KEY_SQL = `seq * ${VERSION_SPAN} + version`;

export function ticketKeySeq(key: number): number {
  return Math.floor(key / VERSION_SPAN);
}

export function ticketKeyVersion(key: number): number {
  return key % VERSION_SPAN;
}
