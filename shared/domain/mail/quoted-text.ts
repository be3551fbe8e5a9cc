/**
 * The part of a reply the sender wrote, without the quoted history below it: Gmail's "On ... wrote:",
 * Outlook's "From:/Sent:" block or "-----Original Message-----", Spanish clients' "El ... escribió:" /
 * "De:/Enviado:", `>` quotes, forwarded-message markers and a `-- ` signature.
 */
const SEPARATORS: RegExp[] = [
  /^-{2,}\s*(original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}/i,
  /^begin forwarded message:/i,
  /^_{10,}\s*$/,
  /^--\s*$/,
  /^>/,
];
const ATTRIBUTION: RegExp[] = [/^on\b.*\bwrote:\s*$/i, /^el\b.*\bescribi[oó]:\s*$/i];
const HEADER_START = /^\*?(from|de):\*?\s/i;
const HEADER_NEXT = /^\*?(sent|enviado|date|fecha|to|para|subject|asunto|cc):\*?\s/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].trim();
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`.trim();
    const isHeaderBlock = HEADER_START.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.trim()));
    if (SEPARATORS.some((re) => re.test(line)) || ATTRIBUTION.some((re) => re.test(line) || re.test(joined)) || isHeaderBlock) {
      end = i;
      break;
    }
  }
  return lines.slice(0, end).join('\n').trim();
}
