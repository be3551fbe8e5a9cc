import { zoneName } from '../../shared/domain/i18n';
import { hasMessage, t } from '../../shared/domain/i18n';
import type { ClockExplanation, SlaExplanation } from '../../shared/domain/sla';
import { formatInstant, formatMinutes, type CardFormat, type Fact } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './sla-explain-card.json';

export interface SlaExplainCardData {
  title: string;
  subtitle: string;
  clocks: Array<{ heading: string; facts: Fact[] }>;
  hasChanges: boolean;
  changesTitle: string;
  changes: Fact[];
}

/** An event's detail with priority and incident-type codes in the reader's words. */
function localizedDetail(detail: Record<string, string | number>, format: CardFormat): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(detail)) {
    const name = typeof value === 'string' ? [`priority.${value}`, `type.${value}`].find((k) => hasMessage(k)) : undefined;
    out[key] = name ? t(format.locale, name) : value;
  }
  return out;
}

function clockFacts(clock: ClockExplanation, format: CardFormat): Fact[] {
  const l = format.locale;
  const facts: Fact[] = [
    { title: t(l, 'bot.explain.state'), value: t(l, `sla.${clock.state}`) },
    { title: t(l, 'bot.explain.started'), value: formatInstant(clock.startedAt, format) },
    {
      title: clock.stopped ? t(l, 'bot.explain.stopped') : t(l, 'bot.explain.countedUntil'),
      value: formatInstant(clock.countedUntil, format),
    },
    {
      title: t(l, 'bot.explain.counted'),
      value: t(l, 'bot.explain.countedOf', {
        counted: formatMinutes(clock.countedMinutes, format),
        limit: formatMinutes(clock.breachMinutes, format),
      }),
    },
    { title: t(l, 'bot.explain.remaining'), value: formatMinutes(clock.remainingMinutes, format) },
    {
      title: t(l, 'bot.explain.notCounted'),
      value: t(l, 'bot.explain.skipped', {
        closed: formatMinutes(clock.skippedMinutes.closed, format),
        holiday: formatMinutes(clock.skippedMinutes.holiday, format),
        pause: formatMinutes(clock.skippedMinutes.pause, format),
      }),
    },
  ];
  if (clock.atRiskAt) facts.push({ title: t(l, 'bot.explain.atRiskAt'), value: formatInstant(clock.atRiskAt, format) });
  if (clock.breachAt) facts.push({ title: t(l, 'bot.explain.breachAt'), value: formatInstant(clock.breachAt, format) });
  return facts;
}

/** `sla <number>`: why each clock stands where it does (counted time, closed hours, holidays, pauses). */
export function slaExplainCard(input: { number: string; explanation: SlaExplanation }, format: CardFormat): CardJson {
  const l = format.locale;
  const { explanation } = input;
  const data: SlaExplainCardData = {
    title: t(l, 'bot.explain.title', { number: input.number }),
    subtitle: t(l, 'bot.explain.subtitle', {
      at: formatInstant(explanation.at, format),
      zone: zoneName(explanation.timezone, l),
      policy: `${explanation.policyName} (${explanation.policyVersion})`,
    }),
    clocks: [
      { heading: t(l, 'bot.card.responseSla'), facts: clockFacts(explanation.response, format) },
      { heading: t(l, 'bot.card.resolutionSla'), facts: clockFacts(explanation.resolution, format) },
    ],
    hasChanges: explanation.changes.length > 0,
    changesTitle: t(l, 'bot.explain.changes'),
    changes: explanation.changes.map((change) => ({
      title: formatInstant(change.at, format),
      value: hasMessage(`sla.change.${change.type}`)
        ? t(l, `sla.change.${change.type}`, localizedDetail(change.detail, format))
        : change.type,
    })),
  };
  return renderTemplate(template, data);
}
