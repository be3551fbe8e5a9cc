import type { DigestLine } from '../../shared/application/ports';
import { hasMessage, t } from '../../shared/domain/i18n';
import { plainText, type CardFormat } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './digest-card.json';

export interface DigestCardData {
  title: string;
  summary: string;
  rows: Array<{ heading: string; detail: string }>;
}

function slaState(state: string, format: CardFormat): string {
  const key = `sla.${state}`;
  return hasMessage(key) ? t(format.locale, key) : state;
}

/** The managers' daily digest of open tickets. `assigneeNames` maps staff ids to names. */
export function digestCard(
  input: { date: string; lines: DigestLine[]; assigneeNames: Record<string, string> },
  format: CardFormat,
): CardJson {
  const l = format.locale;
  const data: DigestCardData = {
    title: t(l, 'bot.digest.title', { date: input.date }),
    summary: t(l, 'bot.digest.summary', { count: input.lines.length }),
    rows: input.lines.map((line) => ({
      heading: `${line.ticketNumber} · ${plainText(line.subject)}`,
      detail: t(l, 'bot.digest.line', {
        status: t(l, `status.${line.status}`),
        priority: t(l, `priority.${line.priority}`),
        assignee: line.assigneeId ? (input.assigneeNames[line.assigneeId] ?? line.assigneeId) : t(l, 'bot.card.unassigned'),
        response: slaState(line.responseState, format),
        resolution: slaState(line.resolutionState, format),
      }),
    })),
  };
  return renderTemplate(template, data);
}
