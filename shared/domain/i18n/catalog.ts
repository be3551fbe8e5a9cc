import type { Locale } from '../ticket/ticket-types';
import { ADDIN_MESSAGES } from './messages/addin';
import { ADDIN_SIGN_IN_MESSAGES } from './messages/addin-sign-in';
import { BOT_MESSAGES } from './messages/bot';
import { CLI_MESSAGES } from './messages/cli';
import { COMMON_MESSAGES } from './messages/common';
import { LEGAL_MESSAGES } from './messages/legal';
import { CONSULTANT_DAY_MESSAGES } from './messages/consultant-day';
import { DASHBOARD_MESSAGES } from './messages/dashboard';
import { MAIL_MESSAGES } from './messages/mail';
import { RECORD_MESSAGES } from './messages/records';
import { REPLY_MESSAGES } from './messages/replies';
import { SHAREPOINT_MESSAGES } from './messages/sharepoint';
import { SLA_MESSAGES } from './messages/sla';
import { STATEMENT_MESSAGES } from './messages/statement';

/**
 * The one message catalog: every user-facing string (cards, emails, bot replies, add-in UI) in
 * English and Spanish (es-MX). Each area keeps its table in messages/<area>.ts and is listed here.
 */
export type MessageTable = Record<string, { en: string; 'es-MX': string }>;
export type MessageParams = Record<string, string | number>;

const CATALOG = {
  ...COMMON_MESSAGES,
  ...MAIL_MESSAGES,
  ...SLA_MESSAGES,
  ...ADDIN_MESSAGES,
  ...CLI_MESSAGES,
  ...BOT_MESSAGES,
  ...SHAREPOINT_MESSAGES,
  ...LEGAL_MESSAGES,
  ...ADDIN_SIGN_IN_MESSAGES,
  ...REPLY_MESSAGES,
  ...CONSULTANT_DAY_MESSAGES,
  ...RECORD_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...STATEMENT_MESSAGES,
} satisfies MessageTable;

/** Every key of the catalog: `t` takes only these, so a misspelt key fails to compile. */
export type MessageKey = keyof typeof CATALOG;

/** Picks a supported locale from a language tag ("es", "es-ES", "en-US" ...); Spanish by default. */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'es-MX';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'es-MX';
}

/** The message `key` in `locale` with `{name}` placeholders filled. Unknown keys throw: a missing string is a bug. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const entry = (CATALOG as MessageTable)[key];
  if (!entry) throw new Error(`message catalog has no key "${key}"`);
  return entry[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether `key` (a string from outside: a card verb, a stored reason) names a message. */
export function hasMessage(key: string): key is MessageKey {
  return key in CATALOG;
}

export function messageKeys(): MessageKey[] {
  return Object.keys(CATALOG) as MessageKey[];
}
