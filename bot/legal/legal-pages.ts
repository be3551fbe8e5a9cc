import { resolveLocale, t, type MessageKey } from '../../shared/domain';
import type { Locale } from '../../shared/domain/ticket';

/** The pages the Teams and Outlook manifests link: privacy statement, terms of use, support. */
export const LEGAL_PAGES = ['privacy', 'terms', 'support'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

/** The partner's details the pages name (settings PARTNER_NAME, PARTNER_EMAIL, PARTNER_WEBSITE, MAIL_SUPPORT_ADDRESS). */
export interface PartnerDetails {
  name: string;
  email: string;
  website?: string;
  supportMailbox: string;
}

const PARAGRAPHS: Record<LegalPage, MessageKey[]> = {
  privacy: [
    'legal.privacy.controller',
    'legal.privacy.data',
    'legal.privacy.purpose',
    'legal.privacy.storage',
    'legal.privacy.rights',
  ],
  terms: ['legal.terms.service', 'legal.terms.use', 'legal.terms.availability'],
  support: ['legal.support.email', 'legal.support.critical', 'legal.support.app'],
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The language a request asks for: ?lang=en|es, else its Accept-Language, else Spanish. */
export function legalPageLocale(query: string | undefined, acceptLanguage: string | undefined): Locale {
  return resolveLocale(query || acceptLanguage?.split(',')[0]?.trim());
}

/** One page as a self-contained HTML document (no script, no outside resource) in the locale, with a link to the other language. */
export function renderLegalPage(page: LegalPage, locale: Locale, partner: PartnerDetails): string {
  const params = { partner: partner.name, email: partner.email, mailbox: partner.supportMailbox };
  const text = (key: MessageKey, extra: Record<string, string> = {}) => escapeHtml(t(locale, key, { ...params, ...extra }));
  const other = locale === 'en' ? 'es' : 'en';
  const lines = [
    ...PARAGRAPHS[page].map((key) => `<p>${text(key)}</p>`),
    `<p>${text('legal.contact')}</p>`,
    ...(partner.website ? [`<p>${text('legal.website', { url: partner.website })}</p>`] : []),
  ];
  return [
    '<!doctype html>',
    `<html lang="${locale === 'en' ? 'en' : 'es-MX'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(`legal.${page}.title`)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}</style></head>',
    '<body>',
    `<p><a href="?lang=${other}" hreflang="${other}">${text('legal.switch-language')}</a></p>`,
    `<h1>${text(`legal.${page}.title`)}</h1>`,
    `<p><strong>${escapeHtml(partner.name)}</strong></p>`,
    ...lines,
    '</body></html>',
    '',
  ].join('\n');
}
