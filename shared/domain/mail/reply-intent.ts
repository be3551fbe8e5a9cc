import { stripQuotedReply } from './quoted-text';
import {
  APPROVE_PHRASES,
  CLOSING_LINE,
  CONFIRM_PHRASES,
  DEFER_WORDS,
  GREETING_LINE,
  HEDGE_WORDS,
  NEGATION_WORDS,
  NEUTRAL_CLAUSE,
  RECEIPT_WORDS,
  REFUSE_PHRASES,
  REJECT_PHRASES,
  YES_CLAUSE,
} from './reply-phrases';

/**
 * What a client's reply says about a pending question: the resolution ("confirmo", "ya quedó",
 * "it's working now" / "no resuelto", "sigue fallando") or a budget extension ("autorizo" / "no
 * autorizo"). `undefined` means an ordinary reply that a person reads.
 *
 * Only what the client wrote counts: quoted history, mobile footers and signatures are removed, the
 * greeting skipped, and the reading stops at the closing ("Saludos,"). A no always wins; a yes must
 * be clean: a hedge ("pero", "a medias", "but"), a negation, a question, a promise to answer later or
 * a mere acknowledgement of receipt anywhere in the text leaves the reply to a person. The yes itself
 * must be in the first lines.
 */
export type ReplyIntent = 'confirm' | 'reject' | 'approve' | 'refuse';

const FIRST_LINES = 3;
const MAX_LINES = 15;

export function parseReplyIntent(body: string): ReplyIntent | undefined {
  const lines = writtenLines(body);
  if (lines.length === 0) return undefined;
  const clauses = lines.flatMap(clausesOf);
  if (clauses.some((c) => REFUSE_PHRASES.some((re) => re.test(c)))) return 'refuse';
  if (clauses.some((c) => REJECT_PHRASES.some((re) => re.test(c)))) return 'reject';
  const text = lines.join(' ');
  if (/[?¿]/.test(text) || [HEDGE_WORDS, NEGATION_WORDS, DEFER_WORDS, RECEIPT_WORDS].some((re) => re.test(text)))
    return undefined;
  const head = lines.slice(0, FIRST_LINES).flatMap(clausesOf);
  const approves = head.some((c) => APPROVE_PHRASES.some((re) => re.test(c)));
  const confirms = head.some((c) => CONFIRM_PHRASES.some((re) => re.test(c)));
  if (approves && !confirms) return 'approve';
  if (confirms && !approves) return 'confirm';
  if (!approves && head.some((c) => YES_CLAUSE.test(c)) && head.every((c) => YES_CLAUSE.test(c) || NEUTRAL_CLAUSE.test(c)))
    return 'confirm';
  return undefined;
}

/** The client's own lines, normalized: no quoted history, no greeting line, nothing after the closing. */
function writtenLines(body: string): string[] {
  const lines = stripQuotedReply(body)
    .split('\n')
    .map(normalize)
    .filter((line) => line.length > 0);
  while (lines.length > 0 && GREETING_LINE.test(lines[0]) && !hasContent(lines[0])) lines.shift();
  const closing = lines.findIndex((line) => CLOSING_LINE.test(line));
  return (closing >= 0 ? lines.slice(0, closing) : lines).slice(0, MAX_LINES);
}

/** A greeting line that also answers ("Hola Luis, ya quedó") is read, not skipped. */
function hasContent(line: string): boolean {
  return clausesOf(line).some(
    (c) =>
      YES_CLAUSE.test(c) ||
      [...CONFIRM_PHRASES, ...REJECT_PHRASES, ...APPROVE_PHRASES, ...REFUSE_PHRASES].some((re) => re.test(c)),
  );
}

function clausesOf(line: string): string[] {
  return line
    .split(/[,;:.!]+|\s[-–—]\s/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function normalize(line: string): string {
  return line
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”"«»¡*_()]/g, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
