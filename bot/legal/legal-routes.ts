import type { Server } from 'restify';
import { LEGAL_PAGES, legalPageLocale, renderLegalPage, type PartnerDetails } from './legal-pages';

/**
 * GET /legal/privacy, /legal/terms, /legal/support (the URLs the manifests name), in English or Spanish
 * (?lang=en|es or Accept-Language). /privacy and /terms, named by earlier manifests, redirect to them.
 */
export function registerLegalRoutes(server: Server, partner: PartnerDetails): void {
  for (const page of LEGAL_PAGES) {
    server.get(`/legal/${page}`, (req, res, next) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? undefined;
      const locale = legalPageLocale(query, req.headers['accept-language']);
      const body = renderLegalPage(page, locale, partner);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Language': locale,
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'public, max-age=3600',
      });
      res.end(body);
      return next(false);
    });
  }
  for (const page of ['privacy', 'terms'] as const) {
    server.get(`/${page}`, (_req, res, next) => {
      res.redirect(301, `/legal/${page}`, next);
    });
  }
}
