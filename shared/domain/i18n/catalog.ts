import type { Locale } from '../ticket/ticket-types';
import { ADDIN_MESSAGES } from './messages/addin';
import { BOT_MESSAGES } from './messages/bot';
import { CLI_MESSAGES } from './messages/cli';
import { COMMON_MESSAGES } from './messages/common';
import { DASHBOARD_MESSAGES } from './messages/dashboard';
import { MAIL_MESSAGES } from './messages/mail';
import { SHAREPOINT_MESSAGES } from './messages/sharepoint';
import { SLA_MESSAGES } from './messages/sla';
import { STATEMENT_MESSAGES } from './messages/statement';

/**
 * The one message catalog: every user-facing string (cards, emails, bot replies, add-in UI) in
 * English and Spanish (es-MX). Each area keeps its table in messages/<area>.ts and is listed here.
 */
export type MessageTable = Record<string, { en: string; 'es-MX': string }>;
export type MessageParams = Record<string, string | number>;

const TABLES: MessageTable[] = [COMMON_MESSAGES, MAIL_MESSAGES, SLA_MESSAGES, ADDIN_MESSAGES, CLI_MESSAGES, BOT_MESSAGES, SHAREPOINT_MESSAGES, DASHBOARD_MESSAGES, STATEMENT_MESSAGES];

const CATALOG: MessageTable = Object.assign({}, ...TABLES);

/** Picks a supported locale from a language tag ("es", "es-ES", "en-US" ...); Spanish by default. */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'es-MX';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'es-MX';
}

/** The message `key` in `locale` with `{name}` placeholders filled. Unknown keys throw: a missing string is a bug. */
export function t(locale: Locale, key: string, params: MessageParams = {}): string {
  const entry = CATALOG[key];
  if (!entry) throw new Error(`message catalog has no key "${key}"`);
  return entry[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function hasMessage(key: string): boolean {
  return key in CATALOG;
}

export function messageKeys(): string[] {
  return Object.keys(CATALOG);
}
