import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Server } from 'restify';
import { registerAddinStatic } from '../../bot/api/addin-static';
import { registerLegalRoutes } from '../../bot/legal/legal-routes';
import { createServer } from '../../bot/server';
import type { PackageSettings } from '../../manifest/package-settings';

export const SAMPLE_SETTINGS: PackageSettings = {
  PUBLIC_URL: 'https://soporte.example.com',
  TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
  BOT_ID: '22222222-2222-4222-8222-222222222222',
  ENTRA_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
  ADDIN_ID: '33333333-3333-4333-8333-333333333333',
  PROVIDER_NAME: 'Partner & Co',
  APP_VERSION: '1.2.3',
};

/** The real server's routes the manifests point at: /legal/* and the add-in's pages and icons (sources). */
export async function startServer(withLegal: boolean): Promise<{ server: Server; base: string }> {
  const server = createServer({ startedAt: new Date('2026-01-01T00:00:00Z'), version: 'test' });
  if (withLegal)
    registerLegalRoutes(server, {
      name: 'Partner & Co',
      email: 'ayuda@partner.example',
      supportMailbox: 'soporte@partner.example',
    });
  registerAddinStatic(server, {
    dir: resolve(__dirname, '../../addin'),
    officeJsUrl: '/office.js',
    config: { apiBase: '', authMode: 'local', supportAddress: 'soporte@partner.example' },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The deployed host (PUBLIC_URL) routed to the local server; any other host is refused (nothing leaves 127.0.0.1). */
export const routedTo = (base: string) => async (url: string, init: RequestInit) => {
  if (!url.startsWith(`${SAMPLE_SETTINGS.PUBLIC_URL}/`)) throw new Error(`tests reach no outside host (${url})`);
  return fetch(base + url.slice(SAMPLE_SETTINGS.PUBLIC_URL.length), init);
};
