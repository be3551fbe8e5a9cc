import { t } from '../i18n/catalog';
import type { Ticket } from '../ticket/ticket';
import type { Locale, TicketStatus } from '../ticket/ticket-types';
import { ValidationError } from '../common/errors';
import { formatInstant } from './format-instant';
import { tagSubject } from './ticket-number-tag';

export { formatInstant } from './format-instant';

/**
 * The email a client receives, per kind, in the ticket's language (en or es-MX), from the message
 * catalog. Pure: every date arrives as a UTC ISO string and is shown in `timeZone`.
 */
export interface ClientMessageParams {
  /** The requester's name for the greeting. */
  recipientName?: string | undefined;
  /** IANA zone for the dates shown (the policy calendar's zone). */
  timeZone?: string | undefined;
  /** acknowledgement, triage: the response SLA deadline (UTC ISO); triage leaves it out once the client was answered. */
  responseDueAt?: string | undefined;
  /** triage: when the resolution clock breaches; reopened: when the resolution is now due, absent when the estimate is used up (UTC ISO). */
  resolutionDueAt?: string | undefined;
  /** When the message is sent (UTC ISO): a due time not after it is said to have passed, never promised. */
  sentAt?: string | undefined;
  /** acknowledgement: attachments refused for their size. */
  rejectedAttachments?: Array<{ filename: string; sizeBytes: number; limitBytes: number }> | undefined;
  /** information-request. */
  question?: string | undefined;
  /** contact-attempt: attempt number and the policy's maximum. */
  attempt?: number | undefined;
  maxAttempts?: number | undefined;
  /** contact-attempt, progress, daily-email, response, phone-response: free text from the consultant. */
  note?: string | undefined;
  /** final-notice: business days of the notice and when the ticket would close (UTC ISO). */
  noticeBusinessDays?: number | undefined;
  closesAt?: string | undefined;
  /** resolution. */
  summary?: string | undefined;
  /** closure. */
  closeReason?: 'validated' | 'no-response' | undefined;
  /** budget-extension-request. */
  extensionMinutes?: number | undefined;
  extensionReason?: string | undefined;
}

/** Kinds about one ticket (the unauthorized-sender reply and the after-hours decision have their own composers). */
export type TicketMailKind =
  | 'acknowledgement'
  | 'information-request'
  | 'contact-attempt'
  | 'final-notice'
  | 'resolution'
  | 'closure'
  | 'reopened'
  | 'budget-extension-request'
  | 'phone-email-reminder'
  | 'progress'
  | 'daily-email'
  | 'response'
  | 'phone-response'
  | 'triage';

export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
}

const DEFAULT_ZONE = 'America/Mexico_City';

/** The catalog key of a message: a ticket raised in Teams or the add-in is reminded of its email without the phone wording. */
function messageKey(kind: TicketMailKind, ticket: Ticket): `mail.${TicketMailKind}` | 'mail.email-reminder' {
  return kind === 'phone-email-reminder' && ticket.channel !== 'phone' ? 'mail.email-reminder' : `mail.${kind}`;
}

export function composeClientMessage(kind: TicketMailKind, ticket: Ticket, params: ClientMessageParams = {}): ComposedMessage {
  const locale = ticket.locale;
  const zone = params.timeZone ?? DEFAULT_ZONE;
  const base = { number: ticket.number, subject: ticket.subject };
  const body = composeBody(kind, ticket, params, locale, zone);
  const subjectParams = {
    ...base,
    attempt: params.attempt ?? ticket.contactAttempts,
    max: params.maxAttempts ?? 3,
    priority: t(locale, `priority.${ticket.priority}`),
  };
  const subject = tagSubject(t(locale, `${messageKey(kind, ticket)}.subject`, subjectParams), ticket.number);
  const paragraphs = [greeting(locale, params.recipientName), body];
  if (kind !== 'closure') paragraphs.push(t(locale, 'mail.keep-number', base));
  paragraphs.push(t(locale, 'mail.signature'));
  return finish(subject, paragraphs);
}

/** The polite answer to someone who is not an authorized requester, naming who can authorize them. */
export function composeUnauthorizedReply(
  locale: Locale,
  input: {
    senderEmail: string;
    senderName?: string | undefined;
    originalSubject: string;
    authorizers: Array<{ name: string; email: string }>;
    clientKnown?: boolean | undefined;
  },
): ComposedMessage {
  const authorizers = input.authorizers.length
    ? input.authorizers.map((a) => `${a.name} <${a.email}>`).join(t(locale, 'mail.unauthorized-sender.or'))
    : t(locale, 'mail.unauthorized-sender.authorizers-unknown');
  // Only a sender matched to a client has a team that was told about them: a stranger is promised nothing of the kind.
  const kept = t(locale, input.clientKnown ? 'mail.unauthorized-sender.kept-and-told' : 'mail.unauthorized-sender.kept');
  const body = `${t(locale, 'mail.unauthorized-sender.body', { subject: input.originalSubject, email: input.senderEmail, authorizers })} ${kept}`;
  const subject = t(locale, 'mail.unauthorized-sender.subject', { subject: input.originalSubject });
  return finish(subject, [greeting(locale, input.senderName), body, t(locale, 'mail.signature')]);
}

/** The answer to a client's after-hours request (approved or refused), dates in `zone`. */
export function composeAfterHoursDecision(
  locale: Locale,
  window: { start: string; end: string; status: 'approved' | 'refused'; reason?: string | undefined },
  options: { recipientName?: string | undefined; timeZone?: string | undefined } = {},
): ComposedMessage {
  const zone = options.timeZone ?? DEFAULT_ZONE;
  const decision = t(locale, `mail.after-hours-decision.${window.status}`);
  const body = t(locale, 'mail.after-hours-decision.body', {
    start: formatInstant(window.start, locale, zone),
    end: formatInstant(window.end, locale, zone),
    decision,
    reason: window.reason ? t(locale, 'mail.after-hours-decision.reason', { reason: window.reason }) : '',
  });
  return finish(t(locale, 'mail.after-hours-decision.subject', { decision }), [
    greeting(locale, options.recipientName),
    body,
    t(locale, 'mail.signature'),
  ]);
}

/** The first-response deadline; one already past (a phone call logged late) is said to have passed, with what we do about it. */
function responseDue(dueAt: string, sentAt: string | undefined, locale: Locale, zone: string): string {
  const due = formatInstant(dueAt, locale, zone);
  return sentAt !== undefined && Date.parse(dueAt) <= Date.parse(sentAt)
    ? t(locale, 'mail.acknowledgement.response-passed', { due })
    : due;
}

function composeBody(kind: TicketMailKind, ticket: Ticket, p: ClientMessageParams, locale: Locale, zone: string): string {
  const number = ticket.number;
  switch (kind) {
    case 'acknowledgement': {
      const main = t(locale, 'mail.acknowledgement.body', {
        number,
        priority: t(locale, `priority.${ticket.priority}`),
        type: t(locale, `type.${ticket.incidentType}`),
        responseDue: p.responseDueAt
          ? responseDue(p.responseDueAt, p.sentAt, locale, zone)
          : t(locale, 'mail.acknowledgement.response-pending'),
      });
      const rejected = (p.rejectedAttachments ?? []).map((a) =>
        t(locale, 'mail.attachment-rejected', {
          filename: a.filename,
          size: formatBytes(a.sizeBytes),
          limit: formatBytes(a.limitBytes),
        }),
      );
      return [main, ...rejected].join('\n\n');
    }
    case 'information-request':
      return t(locale, 'mail.information-request.body', { number, question: required(p.question, 'question') });
    case 'contact-attempt':
      return t(locale, 'mail.contact-attempt.body', {
        number,
        attempt: p.attempt ?? ticket.contactAttempts,
        max: p.maxAttempts ?? 3,
        note: p.note ? `${p.note}\n\n` : '',
      });
    case 'final-notice':
      return t(locale, 'mail.final-notice.body', {
        number,
        attempts: p.attempt ?? ticket.contactAttempts,
        days: p.noticeBusinessDays ?? 5,
        closesAt: p.closesAt ? formatInstant(p.closesAt, locale, zone) : t(locale, 'mail.final-notice.closes-pending'),
      });
    case 'resolution':
      return t(locale, 'mail.resolution.body', { number, summary: required(p.summary, 'summary') });
    case 'closure':
      return t(locale, `mail.closure.body.${p.closeReason ?? ticket.closeReason ?? 'validated'}`, { number });
    case 'reopened':
      return p.resolutionDueAt
        ? t(locale, 'mail.reopened.body', { number, resolutionDue: formatInstant(p.resolutionDueAt, locale, zone) })
        : t(locale, 'mail.reopened.body-overdue', { number });
    case 'budget-extension-request':
      return t(locale, 'mail.budget-extension-request.body', {
        number,
        budget: formatMinutes(ticket.budgetMinutes, locale),
        extra: formatMinutes(required(p.extensionMinutes, 'extensionMinutes'), locale),
        reason: required(p.extensionReason, 'extensionReason'),
      });
    case 'phone-email-reminder':
      return t(
        locale,
        messageKey(kind, ticket) === 'mail.email-reminder' ? 'mail.email-reminder.body' : 'mail.phone-email-reminder.body',
        { number },
      );
    case 'progress':
      return t(locale, 'mail.progress.body', { number, note: required(p.note, 'note') });
    case 'daily-email':
      return t(locale, 'mail.daily-email.body', { number, status: statusName(locale, ticket.status), note: p.note ?? '' }).trim();
    case 'response':
      return t(locale, 'mail.response.body', { note: required(p.note, 'note') });
    case 'phone-response':
      return t(locale, 'mail.phone-response.body', { number, note: required(p.note, 'note') });
    case 'triage': {
      const lines = [
        t(locale, 'mail.triage.body', {
          number,
          priority: t(locale, `priority.${ticket.priority}`),
          type: t(locale, `type.${ticket.incidentType}`),
        }),
      ];
      if (p.responseDueAt)
        lines.push(t(locale, 'mail.triage.response-due', { at: formatInstant(p.responseDueAt, locale, zone) }));
      if (p.resolutionDueAt)
        lines.push(
          t(locale, 'mail.triage.resolution-due', {
            at: formatInstant(p.resolutionDueAt, locale, zone),
            budget: formatMinutes(ticket.budgetMinutes, locale),
          }),
        );
      return lines.join('\n');
    }
  }
}

function statusName(locale: Locale, status: TicketStatus): string {
  return t(locale, `status.${status}`);
}

function greeting(locale: Locale, name?: string): string {
  return name ? t(locale, 'mail.greeting.named', { name }) : t(locale, 'mail.greeting.anonymous');
}

function finish(subject: string, paragraphs: string[]): ComposedMessage {
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  return { subject, text, html: `<!DOCTYPE html><html><body>\n${html}\n</body></html>\n` };
}

function formatMinutes(minutes: number, locale: Locale): string {
  return t(locale, 'mail.minutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null || value === '')
    throw new ValidationError(field, 'is required for this kind of message');
  return value;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
