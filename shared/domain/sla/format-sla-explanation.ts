import { DateTime } from 'luxon';
import { hasMessage, t, type MessageParams } from '../i18n/catalog';
import type { Locale } from '../ticket/ticket-types';
import type { ClockExplanation, SlaExplanation } from './explain-sla';

function minutes(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function when(iso: string, zone: string, locale: Locale): string {
  return DateTime.fromISO(iso, { zone }).setLocale(locale).toFormat('ccc yyyy-LL-dd HH:mm');
}

function clockLines(c: ClockExplanation, e: SlaExplanation, locale: Locale): string[] {
  const at = (iso: string) => when(iso, e.timezone, locale);
  const state = t(locale, `sla.${c.state}`);
  const lines = [
    c.clock === 'response'
      ? t(locale, 'sla.explain.clock.response', { priority: t(locale, `priority.${e.priority}`), state })
      : t(locale, 'sla.explain.clock.resolution', { incidentType: t(locale, `type.${e.incidentType}`), breach: c.breachMinutes, state }),
    c.remainingMinutes >= 0
      ? t(locale, 'sla.explain.totals', { counted: minutes(c.countedMinutes), breach: c.breachMinutes, remaining: minutes(c.remainingMinutes) })
      : t(locale, 'sla.explain.over', { counted: minutes(c.countedMinutes), breach: c.breachMinutes, over: minutes(-c.remainingMinutes) }),
    t(locale, 'sla.explain.thresholds', { atRisk: minutes(c.atRiskMinutes), breach: c.breachMinutes }),
    t(locale, c.stopped ? 'sla.explain.stopped' : 'sla.explain.running', { at: at(c.countedUntil) }),
  ];
  if (c.breachAt && c.atRiskAt) lines.push(t(locale, 'sla.explain.due', { atRiskAt: at(c.atRiskAt), breachAt: at(c.breachAt) }));
  for (const span of c.spans) {
    const params: MessageParams = { start: at(span.start), end: at(span.end), minutes: minutes(span.minutes) };
    if (span.date) params.date = span.date;
    if (span.pauseReason) params.reason = t(locale, `status.${span.pauseReason}`);
    lines.push(t(locale, `sla.explain.span.${span.kind}`, params));
  }
  lines.push(t(locale, 'sla.explain.skipped', { closed: minutes(c.skippedMinutes.closed), holiday: minutes(c.skippedMinutes.holiday), pause: minutes(c.skippedMinutes.pause) }));
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

/** An SLA explanation as text lines in `locale` (times in the calendar's zone), for a bot reply or a CLI. */
export function formatSlaExplanation(explanation: SlaExplanation, locale: Locale): string {
  const e = explanation;
  const lines = [
    t(locale, 'sla.explain.heading', { at: when(e.at, e.timezone, locale), timezone: e.timezone, policyVersion: e.policyVersion }),
    '',
    ...clockLines(e.response, e, locale),
    '',
    ...clockLines(e.resolution, e, locale),
  ];
  if (e.changes.length) {
    lines.push('', t(locale, 'sla.explain.changes'));
    for (const change of e.changes) {
      const detail = translateDetail(change.type, change.detail, locale);
      lines.push(t(locale, 'sla.explain.change', { at: when(change.at, e.timezone, locale), what: t(locale, `sla.change.${change.type}`, detail) }));
    }
  }
  return lines.join('\n');
}
