import { t } from '../../shared/domain/i18n';
import type { Statement } from '../../shared/domain/statement';
import type { ComplianceCount } from '../../shared/domain/dashboard';
import type { CardFormat, Fact } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './statement-card.json';

export interface StatementCardInput {
  statement: Statement;
  /** The files' names (PDF, CSV, XLSX). */
  files: string[];
  /** Who it goes (or went) to: the client's administrators. */
  recipients: string[];
  notice?: string;
  /** The name of whoever sent or held it (else their staff id). */
  deciderName?: string;
}

export interface StatementCardData {
  hasNotice: boolean;
  notice: string;
  noticeStyle: 'good' | 'attention' | 'default';
  title: string;
  facts: Fact[];
  tickets: string;
  compliance: string;
  total: string;
  files: string;
  recipients: string;
  /** Not sent yet: a manager can still send or hold it. */
  open: boolean;
  statementId: string;
  labels: Record<string, string>;
}

function percent(format: CardFormat, count: ComplianceCount): string {
  return count.percent === null
    ? '—'
    : `${new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(count.percent)}%`;
}

/** A drafted statement for a manager: totals, compliance, the files, who would receive it; send or hold with a note. */
export function statementCard(input: StatementCardInput, format: CardFormat): CardJson {
  const l = format.locale;
  const { statement } = input;
  const { data } = statement;
  const amount =
    data.totalCents === undefined
      ? ''
      : ` · ${new Intl.NumberFormat(l, { style: 'currency', currency: data.currency }).format(data.totalCents / 100)}`;
  const sent = statement.status === 'sent';
  const held = statement.status === 'held';
  const notice =
    input.notice ??
    (sent
      ? t(l, 'statement.card.sent', {
          by: input.deciderName ?? statement.decidedBy ?? '?',
          recipients: (statement.sentTo ?? []).join(', '),
        })
      : held
        ? t(l, 'statement.card.held', { by: input.deciderName ?? statement.decidedBy ?? '?', note: statement.note ?? '' })
        : '');
  const facts: Fact[] = [
    { title: t(l, 'dash.col.client'), value: data.clientName },
    { title: t(l, 'dash.col.month'), value: data.month },
  ];
  const cardData: StatementCardData = {
    hasNotice: notice !== '',
    notice,
    noticeStyle: sent ? 'good' : held ? 'attention' : 'default',
    title: t(l, 'statement.card.title', { client: data.clientName, month: data.month }),
    facts,
    tickets: t(l, 'statement.card.tickets', {
      opened: data.tickets.opened,
      resolved: data.tickets.resolved,
      closed: data.tickets.closedValidated + data.tickets.closedNoResponse,
    }),
    compliance: t(l, 'statement.card.compliance', {
      response: percent(format, data.compliance.response),
      resolution: percent(format, data.compliance.resolution),
    }),
    total: t(l, 'statement.card.total', {
      hours: (data.summary.total.chargeableMinutes / 60).toFixed(2),
      lines: data.lines.length,
      amount,
    }),
    files: t(l, 'statement.card.files', { files: input.files.join(', ') }),
    recipients: t(l, 'statement.card.recipients', { recipients: input.recipients.join(', ') || '—' }),
    open: !sent,
    statementId: statement.id,
    labels: {
      note: t(l, 'statement.card.note'),
      noteRequired: t(l, 'statement.card.noteRequired'),
      send: t(l, 'statement.card.send'),
      hold: t(l, 'statement.card.hold'),
    },
  };
  return renderTemplate(template, cardData);
}
