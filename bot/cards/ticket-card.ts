import { t } from '../../shared/domain/i18n';
import { FOLLOW_UP_KINDS } from '../../shared/domain/ticket';
import { SUPPORT_LEVELS, type Locale, type SupportLevel } from '../../shared/domain/ticket';
import { formatInstant, plainText, type CardFormat, type Choice, type Fact } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import { escalationLevels, ticketActions, type TicketActions } from './ticket-actions';
import { ticketFacts, type TicketSummaryInput } from './ticket-facts';
import { workdayCardData, type WorkdayCardData } from './workday-card';
import template from './ticket-card.json';

export interface TicketCardInput extends TicketSummaryInput {
  /** A banner above the card ("changed by someone else", "saved"). */
  notice?: string;
  /** Files the client sent with the ticket's emails. */
  attachments?: Array<{ filename: string; sizeBytes: number }>;
  /** The client's latest reply on the ticket (its first lines). */
  latestClientMessage?: { at: string; excerpt: string };
}

/** The data the ticket card template binds. */
export interface TicketCardData {
  hasNotice: boolean;
  notice: string;
  title: string;
  subject: string;
  hasDescription: boolean;
  description: string;
  hasAttachments: boolean;
  attachments: string;
  hasLatestMessage: boolean;
  latestMessageTitle: string;
  latestMessage: string;
  caseNumber: string;
  facts: Fact[];
  actions: TicketActions;
  ticketId: string;
  version: string;
  followUpKinds: Choice[];
  levels: Choice[];
  labels: Record<string, string>;
  workday: WorkdayCardData;
}

const LABELS = [
  'assignToMe',
  'recordContactAttempt',
  'logFollowUp',
  'followUpKind',
  'note',
  'save',
  'logSession',
  'sessionMinutes',
  'sessionConsultants',
  'requestInformation',
  'question',
  'send',
  'escalate',
  'level',
  'reason',
  'requestBudgetExtension',
  'extensionMinutes',
  'resolve',
  'resolutionSummary',
  'caseNumber',
] as const;

/** The card's fixed words in one language (built once per language: the catalog does not change). */
const FIXED = new Map<
  Locale,
  { labels: Record<string, string>; followUpKinds: Choice[]; levels: Array<Choice & { level: SupportLevel }> }
>();

function fixedWords(l: Locale) {
  let words = FIXED.get(l);
  if (!words) {
    words = {
      labels: {
        ...Object.fromEntries(LABELS.map((key) => [key, t(l, `bot.action.${key}`)])),
        required: t(l, 'bot.card.required'),
        recordMicrosoftCase: t(l, 'bot.action.recordMicrosoftCase'),
        changeMicrosoftCase: t(l, 'bot.action.changeMicrosoftCase'),
      },
      followUpKinds: FOLLOW_UP_KINDS.map((kind) => ({ title: t(l, `bot.followUp.${kind}`), value: kind })),
      levels: SUPPORT_LEVELS.map((level) => ({ title: t(l, `bot.level.${level}`), value: level, level })),
    };
    FIXED.set(l, words);
  }
  return words;
}

/** The first lines of a text (at most `lines` lines and `chars` characters), marked with … when cut. */
export function firstLines(text: string, lines = 3, chars = 280): string {
  const kept = text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  let shown = kept.slice(0, lines).join('\n');
  if (shown.length > chars) shown = `${shown.slice(0, chars).trimEnd()}…`;
  else if (kept.length > lines) shown = `${shown}…`;
  return shown;
}

function fileList(files: ReadonlyArray<{ filename: string; sizeBytes: number }>): string {
  return files.map((f) => `${f.filename} (${Math.max(1, Math.round(f.sizeBytes / 1024))} KB)`).join(', ');
}

export function ticketCardData(input: TicketCardInput, format: CardFormat): TicketCardData {
  const l = format.locale;
  const { ticket } = input;
  const words = fixedWords(l);
  const caseLabel = ticket.microsoftCaseNumber ? words.labels.changeMicrosoftCase : words.labels.recordMicrosoftCase;
  const reachable = escalationLevels(ticket, SUPPORT_LEVELS);
  return {
    hasNotice: Boolean(input.notice),
    notice: input.notice ?? '',
    title: ticket.number,
    subject: plainText(ticket.subject),
    hasDescription: ticket.description.trim().length > 0,
    description: plainText(firstLines(ticket.description)),
    hasAttachments: Boolean(input.attachments?.length),
    attachments: input.attachments?.length ? t(l, 'bot.card.attachments', { files: fileList(input.attachments) }) : '',
    hasLatestMessage: Boolean(input.latestClientMessage),
    latestMessageTitle: input.latestClientMessage
      ? t(l, 'bot.card.latestClientMessage', { at: formatInstant(input.latestClientMessage.at, format) })
      : '',
    latestMessage: input.latestClientMessage ? plainText(firstLines(input.latestClientMessage.excerpt)) : '',
    caseNumber: ticket.microsoftCaseNumber ?? '',
    facts: ticketFacts(input, format),
    actions: ticketActions(ticket, reachable, input.policyView?.contact),
    ticketId: ticket.id,
    version: ticket.version,
    followUpKinds: words.followUpKinds,
    levels: words.levels.filter((choice) => reachable.includes(choice.level)).map(({ title, value }) => ({ title, value })),
    labels: { ...words.labels, microsoftCase: caseLabel },
    workday: workdayCardData(ticket, input.policyView, format),
  };
}

/** The ticket card (Adaptive Card 1.5); every action carries the ticket id and version. */
export function ticketCard(input: TicketCardInput, format: CardFormat): CardJson {
  return renderTemplate(template, ticketCardData(input, format));
}
