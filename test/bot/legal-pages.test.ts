import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { registerLegalRoutes } from '../../bot/legal/legal-routes';
import { createServer } from '../../bot/server';

const PARTNER = {
  name: 'Partner & Co <SA>',
  email: 'ayuda@partner.example',
  website: 'https://www.partner.example',
  supportMailbox: 'soporte@partner.example',
};

describe('GET /legal/* (the pages the manifests link)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer({ startedAt: new Date('2026-01-01T00:00:00Z'), version: 'test' });
    registerLegalRoutes(server, PARTNER);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('serves the privacy statement, terms of use and support page in Spanish by default, naming the partner', async () => {
    for (const [page, title] of [
      ['privacy', 'Aviso de privacidad de Soporte'],
      ['terms', 'Términos de uso de Soporte'],
      ['support', 'Soporte: cómo obtener ayuda'],
    ]) {
      const response = await fetch(`${base}/legal/${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain(`<title>${title}</title>`);
      expect(html).toContain('<html lang="es-MX">');
      // The partner's details from settings, HTML-escaped.
      expect(html).toContain('Partner &amp; Co &lt;SA&gt;');
      expect(html).not.toContain('<SA>');
      expect(html).toContain('Contacto: ayuda@partner.example');
      expect(html).toContain('Sitio web: https://www.partner.example');
      expect(html).not.toMatch(/<script|src="http/);
    }
    expect(await (await fetch(`${base}/legal/support`)).text()).toContain('escriba a soporte@partner.example');
  });

  it('answers in English for ?lang=en or an English Accept-Language, with a link to the other language', async () => {
    const byQuery = await (await fetch(`${base}/legal/privacy?lang=en`)).text();
    expect(byQuery).toContain('<title>Soporte privacy statement</title>');
    expect(byQuery).toContain('href="?lang=es"');
    const byHeader = await fetch(`${base}/legal/terms`, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
    expect(byHeader.headers.get('content-language')).toBe('en');
    expect(await byHeader.text()).toContain('Soporte is provided by Partner &amp; Co &lt;SA&gt;');
    expect(await (await fetch(`${base}/legal/terms?lang=es`, { headers: { 'Accept-Language': 'en' } })).text()).toContain(
      'href="?lang=en"',
    );
  });

  it('redirects the /privacy and /terms paths earlier manifests named', async () => {
    const response = await fetch(`${base}/privacy`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/legal/privacy');
    expect((await fetch(`${base}/terms`)).url).toBe(`${base}/legal/terms`);
  });
});
