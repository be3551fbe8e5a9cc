import { t } from '../../shared/domain/i18n';
import type { SlaState } from '../../shared/domain/sla';
import type { Locale } from '../../shared/domain/ticket';

/** How cards show instants and durations: in the support calendar's zone, in the reader's language. */
export interface CardFormat {
  locale: Locale;
  /** IANA zone instants are shown in (the support calendar's). */
  timeZone: string;
}

/** Intl formatters are costly to build and cheap to use: one per language and zone. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterOf(format: CardFormat): Intl.DateTimeFormat {
  const key = `${format.locale}|${format.timeZone}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(format.locale, {
      timeZone: format.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}

/** "Mon 2 Mar, 10:30" / "lun 2 mar, 10:30" (weekday, day, month, 24-hour time in the support zone). */
export function formatInstant(iso: string, format: CardFormat): string {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(format).formatToParts(new Date(iso))) parts[part.type] = part.value;
  const strip = (text: string) => text.replace(/\.$/, '');
  return `${strip(parts.weekday)} ${parts.day} ${strip(parts.month)}, ${parts.hour}:${parts.minute}`;
}

/**
 * 95 -> "1 h 35 min"; 45 -> "45 min"; 120 -> "2 h". Rounds to whole minutes, or with `tenths` keeps one
 * decimal of a minute as billing reports do (67.5 -> "1 h 7.5 min").
 */
export function formatMinutes(minutes: number, format: CardFormat, precision: 'minutes' | 'tenths' = 'minutes'): string {
  const tenths = precision === 'tenths' ? Math.round(Math.abs(minutes) * 10) : Math.round(Math.abs(minutes)) * 10;
  const hours = Math.floor(tenths / 600);
  const rest = (tenths - hours * 600) / 10;
  const sign = minutes < 0 && tenths > 0 ? '-' : '';
  const restText = Number.isInteger(rest) ? rest : rest.toFixed(1);
  if (hours === 0) return `${sign}${t(format.locale, 'bot.duration.minutes', { minutes: restText })}`;
  if (rest === 0) return `${sign}${t(format.locale, 'bot.duration.hours', { hours })}`;
  return `${sign}${t(format.locale, 'bot.duration.hoursMinutes', { hours, minutes: restText })}`;
}

/** One SLA clock as a line: "At risk · due Mon 2 Mar, 10:30" or just "Met". */
export function formatClock(clock: { state: SlaState; dueAt?: string }, format: CardFormat): string {
  const state = t(format.locale, `sla.${clock.state}`);
  return clock.dueAt ? t(format.locale, 'bot.sla.stateDue', { state, due: formatInstant(clock.dueAt, format) }) : state;
}

/**
 * Text someone outside the team wrote (a subject, a name, a file name) as literal card text: the markdown
 * Teams renders in TextBlocks, facts and messages is escaped, so "[Click here](https://...)" shows as
 * written and never becomes a live link, and "**urgent**" is not bold.
 */
export function plainText(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

/** A label/value pair of a FactSet. */
export interface Fact {
  title: string;
  value: string;
}

/** Choices of an Input.ChoiceSet. */
export interface Choice {
  title: string;
  value: string;
}
