import { zoneName } from '../i18n/zone-name';
import { hasMessage, t, type MessageParams } from '../i18n/catalog';
import { formatShortInstant } from '../mail/format-instant';
import type { Locale } from '../ticket/ticket-types';
import type { ClockExplanation, SlaExplanation } from './explain-sla';

/** A duration as people read it: `2 h 5 min`, `16 h`, `45 min`, `< 1 min` (never fractional minutes). */
export function formatDuration(minutes: number, locale: Locale): string {
  if (minutes > 0 && minutes < 1) return t(locale, 'sla.receipt.under-a-minute');
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  if (hours === 0) return t(locale, 'sla.receipt.minutes', { minutes: whole });
  return whole % 60 === 0
    ? t(locale, 'sla.receipt.hours', { hours })
    : t(locale, 'sla.receipt.hours-minutes', { hours, minutes: whole % 60 });
}

/** Width of the receipt's amount column. */
const AMOUNT_WIDTH = 12;

function clockLines(c: ClockExplanation, e: SlaExplanation, locale: Locale): string[] {
  const at = (iso: string) => formatShortInstant(iso, locale, e.timezone, false);
  const d = (minutes: number) => formatDuration(minutes, locale);
  const state = t(locale, `sla.${c.state}`);
  const heading =
    c.clock === 'response'
      ? t(locale, 'sla.explain.clock.response', { priority: t(locale, `priority.${e.priority}`), state })
      : t(locale, 'sla.explain.clock.resolution', {
          incidentType: t(locale, `type.${e.incidentType}`),
          breach: d(c.breachMinutes),
          state,
        });
  // Each row: a label and an amount; the amounts line up in one right-aligned column.
  const rows: Array<[string, string]> = c.spans.map((span) => {
    const params: MessageParams = { start: at(span.start), end: at(span.end) };
    if (span.date) params.date = span.date;
    if (span.pauseReason) params.reason = t(locale, `status.${span.pauseReason}`);
    return [`  ${span.kind === 'counted' ? '+' : ' '} ${t(locale, `sla.explain.span.${span.kind}`, params)}`, d(span.minutes)];
  });
  const totals: Array<[string, string]> = [
    [`  ${t(locale, 'sla.explain.counted')}`, d(c.countedMinutes)],
    [`  ${t(locale, 'sla.explain.allowed')}`, d(c.breachMinutes)],
    c.remainingMinutes >= 0
      ? [`  ${t(locale, 'sla.explain.left')}`, d(c.remainingMinutes)]
      : [`  ${t(locale, 'sla.explain.over')}`, d(-c.remainingMinutes)],
  ];
  const width = Math.max(...[...rows, ...totals].map(([label]) => label.length));
  const row = ([label, amount]: [string, string]) => `${label.padEnd(width)} ${amount.padStart(AMOUNT_WIDTH)}`;
  const lines = [heading, ...rows.map(row), `  ${'-'.repeat(width - 1 + AMOUNT_WIDTH)}`, ...totals.map(row)];
  lines.push(`  ${t(locale, 'sla.explain.thresholds', { atRisk: d(c.atRiskMinutes), breach: d(c.breachMinutes) })}`);
  lines.push(`  ${t(locale, c.stopped ? 'sla.explain.stopped' : 'sla.explain.running', { at: at(c.countedUntil) })}`);
  if (c.breachAt && c.atRiskAt)
    lines.push(`  ${t(locale, 'sla.explain.due', { atRiskAt: at(c.atRiskAt), breachAt: at(c.breachAt) })}`);
  lines.push(
    `  ${t(locale, 'sla.explain.skipped', { closed: d(c.skippedMinutes.closed), holiday: d(c.skippedMinutes.holiday), pause: d(c.skippedMinutes.pause) })}`,
  );
  return lines;
}

/** Which catalog prefix names each detail value (levels and minutes stay as they are). */
function translateDetail(type: string, detail: Record<string, string | number>, locale: Locale): MessageParams {
  const out: MessageParams = { ...detail };
  const prefixOf = (key: string): string | undefined => {
    if (key === 'priority') return 'priority';
    if (key === 'incidentType') return 'type';
    if (key !== 'from' && key !== 'to') return undefined;
    return type === 'priority-changed' ? 'priority' : type === 'incident-type-changed' ? 'type' : undefined;
  };
  for (const [key, value] of Object.entries(detail)) {
    const prefix = prefixOf(key);
    const valueKey = `${prefix}.${value}`;
    if (prefix && typeof value === 'string' && hasMessage(valueKey)) out[key] = t(locale, valueKey);
  }
  return out;
}

/**
 * An SLA explanation as a receipt in `locale`, for the CLI: the ticket, the policy by name and version, the
 * zone in words; per clock its spans with their durations, the totals, thresholds and due times; the changes
 * that moved the clocks; a legend. Durations in hours and minutes, times in the calendar's zone.
 */
export function formatSlaExplanation(explanation: SlaExplanation, locale: Locale): string {
  const e = explanation;
  const at = (iso: string) => formatShortInstant(iso, locale, e.timezone, false);
  const lines = [
    t(locale, 'sla.explain.heading', { number: e.ticketNumber, at: at(e.at) }),
    t(locale, 'sla.explain.policy', { policy: e.policyName, policyVersion: e.policyVersion }),
    t(locale, 'sla.explain.zone', { zone: zoneName(e.timezone, locale) }),
    '',
    ...clockLines(e.response, e, locale),
    '',
    ...clockLines(e.resolution, e, locale),
  ];
  if (e.changes.length) {
    lines.push('', t(locale, 'sla.explain.changes'));
    for (const change of e.changes) {
      const detail = translateDetail(change.type, change.detail, locale);
      lines.push(t(locale, 'sla.explain.change', { at: at(change.at), what: t(locale, `sla.change.${change.type}`, detail) }));
    }
  }
  lines.push('', t(locale, 'sla.explain.legend'));
  return lines.join('\n');
}
