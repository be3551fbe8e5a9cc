import { t } from '../i18n/catalog';
import type { Locale, Priority } from './ticket-types';

/** One thing in an email that hints at its urgency: a header, or a word in the subject or the first lines. */
export type PrioritySignal =
  | { source: 'header'; name: string; value: string; priority: Priority }
  /** `term`: the words as the email wrote them ("URGENTE", "se cayó"). */
  | { source: 'subject' | 'body'; term: string; priority: Priority };

/** What intake suggests to L1 (never applied on its own): the priority and the signals that led to it. */
export interface PrioritySuggestion {
  priority: Priority;
  signals: PrioritySignal[];
}

/** What the email says about itself. Header names lower-cased (as InboundMail keeps them). */
export interface PriorityEvidence {
  headers: Record<string, string>;
  subject: string;
  /** The body as plain text, quoted history already removed or not (only the first lines are read). */
  text: string;
}

/** How many non-empty lines of the body are read: urgency is said up front, not in a signature. */
export const FIRST_LINES = 5;

interface Term {
  /** Accent-free, lower-case words as they appear. */
  words: string;
  priority: Priority;
}

/**
 * Urgency words in Spanish (es-MX) and English, accent-free. A whole-system stop ("nadie puede",
 * "producción detenida", "caído", "outage") suggests critical; a plea for speed or a broken feature
 * ("urgente", "no funciona") suggests high.
 */
const TERMS: Term[] = [
  ...[
    'produccion detenida',
    'produccion parada',
    'sistema detenido',
    'nadie puede',
    'ninguno puede',
    'todos sin',
    'esta caido',
    'esta caida',
    'estan caidos',
    'se cayo',
    'se cayeron',
    'caido',
    'caida',
    'critico',
    'critica',
    'outage',
    'production down',
    'production is down',
    'nobody can',
    'no one can',
    'everyone is blocked',
    'is down',
    'are down',
    'went down',
    'down',
    'critical',
  ].map((words) => ({ words, priority: 'critical' as const })),
  ...[
    'urgente',
    'urgencia',
    'lo antes posible',
    'cuanto antes',
    'no funciona',
    'no sirve',
    'no podemos',
    'bloqueado',
    'urgent',
    'urgently',
    'asap',
    'as soon as possible',
    'not working',
    "doesn't work",
    'does not work',
    'cannot access',
    "can't access",
    'blocked',
  ].map((words) => ({ words, priority: 'high' as const })),
];

/**
 * Words that turn a term around when they come right before it ("no es urgente", "not urgent"), or
 * make "down" harmless ("drop down", "shut down").
 */
const BLOCKERS = [
  'no es',
  'no esta',
  'nada',
  'sin',
  'not',
  'no',
  'nothing',
  "isn't",
  'is not',
  'non',
  'drop',
  'shut',
  'slow',
  'count',
  'break',
  'step',
  'top',
  'turn',
  'scroll',
];

const RANK: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The higher of two priorities. */
export function higherPriority(a: Priority, b: Priority): Priority {
  return RANK[a] <= RANK[b] ? a : b;
}

/** True when `a` is more urgent than `b`. */
export function isMoreUrgent(a: Priority, b: Priority): boolean {
  return RANK[a] < RANK[b];
}

/** Text folded for matching, with where each folded character came from in the original. */
interface Folded {
  /** " words separated by single spaces " (lower case, accent-free, punctuation as spaces). */
  text: string;
  /** origin[i]: the index in the original text of text[i]. */
  origin: number[];
}

/** Lower case, accents and other marks removed, punctuation turned into spaces (keeps apostrophes). */
function fold(original: string): Folded {
  let text = ' ';
  const origin = [0];
  const chars = Array.from(original);
  let at = 0;
  for (const char of chars) {
    const plain = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’`]/g, "'");
    const out = /^[a-z0-9']+$/.test(plain) ? plain : ' ';
    if (!(out === ' ' && text.endsWith(' '))) {
      for (const c of out) {
        text += c;
        origin.push(at);
      }
    }
    at += char.length;
  }
  if (!text.endsWith(' ')) {
    text += ' ';
    origin.push(at);
  }
  return { text, origin };
}

/** The first term found (as whole words, not negated), most urgent first, with its words as the email wrote them. */
function termIn(original: string): { term: Term; written: string } | undefined {
  const folded = fold(original);
  for (const term of TERMS) {
    let from = 0;
    for (;;) {
      const at = folded.text.indexOf(` ${term.words} `, from);
      if (at < 0) break;
      const before = folded.text.slice(0, at + 1);
      if (!BLOCKERS.some((n) => before.endsWith(` ${n} `))) {
        const first = folded.origin[at + 1];
        const last = folded.origin[at + term.words.length];
        return { term, written: original.slice(first, last + Array.from(original.slice(last))[0].length) };
      }
      from = at + 1;
    }
  }
  return undefined;
}

function headerSignals(headers: Record<string, string>): PrioritySignal[] {
  const signals: PrioritySignal[] = [];
  const importance = headers['importance']?.trim();
  if (importance && /^high$/i.test(importance))
    signals.push({ source: 'header', name: 'Importance', value: importance, priority: 'high' });
  const xPriority = headers['x-priority']?.trim();
  if (xPriority && /^[12]\b/.test(xPriority))
    signals.push({ source: 'header', name: 'X-Priority', value: xPriority, priority: 'high' });
  const priority = headers['priority']?.trim();
  if (priority && /^urgent$/i.test(priority))
    signals.push({ source: 'header', name: 'Priority', value: priority, priority: 'high' });
  return signals;
}

/**
 * The priority an email asks for by itself: `Importance: high`, `X-Priority: 1` or `2`, `Priority:
 * urgent`, and urgency words (Spanish or English, accents optional, not negated) in the subject and
 * the first FIRST_LINES lines of the body. Undefined when nothing hints at urgency. Pure; intake
 * records it as a suggestion only (the add-in's explicit X-Soporte-Priority is the client's choice).
 */
export function suggestPriority(evidence: PriorityEvidence): PrioritySuggestion | undefined {
  const signals = headerSignals(evidence.headers);
  const subjectTerm = termIn(evidence.subject);
  if (subjectTerm) signals.push({ source: 'subject', term: subjectTerm.written, priority: subjectTerm.term.priority });
  const firstLines = evidence.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('>'))
    .slice(0, FIRST_LINES)
    .join(' ');
  const bodyTerm = termIn(firstLines);
  if (bodyTerm) signals.push({ source: 'body', term: bodyTerm.written, priority: bodyTerm.term.priority });
  if (signals.length === 0) return undefined;
  return { priority: signals.map((s) => s.priority).reduce(higherPriority), signals };
}

/** The suggestion in words: "Importance: high header; "urgente" in the subject". */
export function describePrioritySuggestion(locale: Locale, suggestion: PrioritySuggestion): string {
  return suggestion.signals
    .map((s) =>
      s.source === 'header'
        ? t(locale, 'triage.signal.header', { name: s.name, value: s.value })
        : t(locale, `triage.signal.${s.source}`, { term: s.term }),
    )
    .join('; ');
}
