import type { ClientReplyNotification } from '../../shared/application/ports';
import { t } from '../../shared/domain/i18n';
import type { CardFormat, Fact } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './client-reply-card.json';

export interface ClientReplyCardData {
  hasNotice: boolean;
  notice: string;
  title: string;
  subject: string;
  excerpt: string;
  facts: Fact[];
  /** The ticket is resolved and the reply is neither a clear yes nor a clear no: two buttons decide. */
  needsDecision: boolean;
  question: string;
  ticketId: string;
  version: string;
  /** What the buttons carry: the client's message they point at, and enough to show this card again. */
  reply: { messageId: string; excerpt: string; fromEmail: string; fromName?: string };
  labels: { confirm: string; reopen: string };
}

const EXCERPT_LINES = 8;
const EXCERPT_CHARS = 1_000;

/** The first lines of what the client wrote (quoted history already removed by intake). */
export function firstLines(text: string): string {
  const lines = text
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, EXCERPT_LINES)
    .join('\n');
  return lines.length > EXCERPT_CHARS ? `${lines.slice(0, EXCERPT_CHARS - 1)}…` : lines;
}

/**
 * A client's email on a ticket, for its assignee: who wrote, the first lines, what intake did with
 * it; on a resolved ticket whose reply is not clearly yes or no, the two decisions a consultant may
 * record on the client's behalf (pointing at this message): "the client confirmed: close" and "not
 * solved: reopen".
 */
export function clientReplyCard(notification: ClientReplyNotification, format: CardFormat, notice?: string): CardJson {
  const l = format.locale;
  const { ticket, from } = notification;
  const needsDecision = notification.outcome === 'needs-decision' && ticket.status === 'resolved';
  const reply: ClientReplyCardData['reply'] = {
    messageId: notification.messageId,
    excerpt: notification.excerpt,
    fromEmail: from.email,
  };
  if (from.name) reply.fromName = from.name;
  const data: ClientReplyCardData = {
    hasNotice: Boolean(notice),
    notice: notice ?? '',
    title: t(l, 'bot.clientReply.title', { from: from.name ?? from.email, number: ticket.number }),
    subject: ticket.subject,
    excerpt: firstLines(notification.excerpt) || t(l, 'bot.clientReply.empty'),
    facts: [
      { title: t(l, 'bot.clientReply.from'), value: from.name ? `${from.name} <${from.email}>` : from.email },
      { title: t(l, 'bot.card.status'), value: t(l, `status.${ticket.status}`) },
      { title: t(l, 'bot.clientReply.outcome'), value: t(l, `bot.clientReply.outcome.${notification.outcome}`) },
    ],
    needsDecision,
    question: t(l, 'bot.clientReply.question'),
    ticketId: ticket.id,
    version: ticket.version,
    reply,
    labels: { confirm: t(l, 'bot.clientReply.confirm'), reopen: t(l, 'bot.clientReply.reopen') },
  };
  return renderTemplate(template, data);
}
