import { t } from '../../shared/domain/i18n';
import type { Client } from '../../shared/domain/requesters';
import type { Ticket } from '../../shared/domain/ticket';
import { displayFileName } from '../../shared/domain/mail';
import { plainText, type CardFormat, type Choice, type Fact } from './card-format';
import { microsoftCaseSummary, type MicrosoftCaseSummary } from './l4-case-summary';
import { renderTemplate, type CardJson } from './render-template';
import template from './l4-prompt-card.json';

export interface L4PromptInput {
  ticket: Ticket;
  client: Pick<Client, 'name' | 'tenantId'>;
  reason: string;
  notice?: string;
  /** Files the client sent on the ticket (kept by mail intake). */
  attachments?: ReadonlyArray<{ filename: string; sizeBytes: number }>;
}

export interface L4PromptCardData {
  hasNotice: boolean;
  notice: string;
  title: string;
  intro: string;
  facts: Fact[];
  summary: MicrosoftCaseSummary;
  severities: Choice[];
  reminder: string;
  awaitingCase: boolean;
  ticketId: string;
  version: string;
  reason: string;
  labels: Record<string, string>;
}

const LABELS = [
  'product',
  'productHint',
  'tenant',
  'businessImpact',
  'reproSteps',
  'attachments',
  'severity',
  'caseNumber',
  'caseNumberHint',
  'recordCase',
] as const;

/** Escalated to L4: the Microsoft case summary, prefilled, and where to record the case number. */
export function l4PromptCard(input: L4PromptInput, format: CardFormat): CardJson {
  const l = format.locale;
  const { ticket } = input;
  const summary = microsoftCaseSummary(ticket, input.client, {
    impact: t(l, 'bot.l4.impact', {
      priority: t(l, `priority.${ticket.priority}`),
      subject: plainText(ticket.subject),
      client: plainText(input.client.name),
    }),
    noAttachments: t(l, 'bot.l4.noAttachments'),
    sourceEmail: t(l, 'bot.l4.sourceEmail', { messageId: ticket.sourceMessageId ?? '' }),
    files: input.attachments?.length
      ? t(l, 'bot.l4.files', {
          files: input.attachments
            .map((a) => `${plainText(displayFileName(a.filename))} (${Math.max(1, Math.round(a.sizeBytes / 1024))} KB)`)
            .join(', '),
        })
      : undefined,
  });
  const facts: Fact[] = [
    { title: t(l, 'bot.l4.reason'), value: input.reason },
    { title: t(l, 'bot.card.priority'), value: t(l, `priority.${ticket.priority}`) },
  ];
  if (ticket.microsoftCaseNumber) facts.push({ title: t(l, 'bot.card.microsoftCase'), value: ticket.microsoftCaseNumber });
  const data: L4PromptCardData = {
    hasNotice: Boolean(input.notice),
    notice: input.notice ?? '',
    title: t(l, 'bot.l4.title', { number: ticket.number }),
    intro: t(l, 'bot.l4.intro', { subject: plainText(ticket.subject) }),
    facts,
    summary,
    severities: (['A', 'B', 'C'] as const).map((s) => ({ title: t(l, `bot.l4.severity.${s}`), value: s })),
    reminder: t(l, 'bot.l4.reminder'),
    awaitingCase: !ticket.microsoftCaseNumber && ticket.status !== 'closed',
    ticketId: ticket.id,
    version: ticket.version,
    reason: input.reason,
    labels: {
      ...Object.fromEntries(LABELS.map((key) => [key, t(l, `bot.l4.label.${key}`)])),
      required: t(l, 'bot.card.required'),
    },
  };
  return renderTemplate(template, data);
}
