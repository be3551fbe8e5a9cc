import { t, type MessageKey } from '../../shared/domain/i18n';
import { formatShortInstant } from '../../shared/domain/mail';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import type { Locale } from '../../shared/domain/ticket';

export type Row = Array<string | number | boolean | undefined | null>;

function cell(value: Row[number], lang: Locale): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'boolean') return t(lang, value ? 'cli.yes' : 'cli.no');
  return String(value);
}

/** A plain text table: header keys from the catalog, columns padded to their widest cell. */
export function table(lang: Locale, headerKeys: readonly MessageKey[], rows: Row[]): string {
  if (rows.length === 0) return t(lang, 'cli.none');
  const header = headerKeys.map((key) => t(lang, key));
  const cells = rows.map((row) => row.map((value) => cell(value, lang)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** One value per field, for `show` commands. */
export function fields(lang: Locale, pairs: Array<[MessageKey, Row[number]]>): string {
  const labels = pairs.map(([key]) => t(lang, key));
  const width = Math.max(...labels.map((l) => l.length));
  return pairs.map(([, value], i) => `${labels[i].padEnd(width)}  ${cell(value, lang)}`).join('\n');
}

/** CSV with RFC 4180 quoting. */
export function csv(header: string[], rows: Row[]): string {
  const quote = (value: Row[number]) => {
    const text = value === undefined || value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n');
}

/** The support calendar's zone: every instant the CLI prints is shown there, never in UTC. */
export const SUPPORT_ZONE = DEFAULT_POLICY.calendar.timezone;

/** Instants to the minute in the support calendar's zone, named: `lun 7 dic 2026 12:30 (hora de la Ciudad de México)`. */
export function when(iso: string | undefined, lang: Locale): string | undefined {
  return iso ? formatShortInstant(iso, lang, SUPPORT_ZONE) : undefined;
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
