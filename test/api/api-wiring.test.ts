import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { createServer } from '../../bot/server';
import { wireApi, type ApiSettings } from '../../bot/api/api-wiring';
import { parseConfig } from '../../bot/config';
import { buildServices } from '../../bot/services';
import type { Mailer, Notifier } from '../../shared/application/ports';
import { openSqliteStore, type SqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { ManualClock } from '../support/doubles';

const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
const ids = {
  newId: (() => {
    let n = 0;
    return () => `w-${++n}`;
  })(),
};
const mailer: Mailer = { send: async () => ({ messageId: '<m@test>' }) };
const notifier: Notifier = { notify: async () => ({}) };

describe('wiring the API into the server (npm start)', () => {
  let dir: string;
  let store: SqliteStore;
  let server: restify.Server;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soporte-wiring-'));
    store = await openSqliteStore({ dataDir: dir, clock });
    server = createServer({ startedAt: clock.now(), version: 'test' });
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function wire(env: Record<string, string>) {
    const config = parseConfig({ DATA_DIR: dir, ...env });
    const services = buildServices({
      store,
      clock,
      ids,
      mailer,
      notifier,
      sideEffects: {
        report: (error) => {
          throw error;
        },
      },
    });
    const settings: ApiSettings = config;
    return wireApi(server, { settings, store, clock, ids, services, supportAddress: 'soporte@partner.example' });
  }

  it('runs in local mode by default outside production, with the development token route', async () => {
    const lines = await wire({});
    expect(lines[0]).toBe('REST API: /api/v1 (local development tokens: POST /api/v1/dev/token)');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = await (await fetch(`${base}/addin/config.js`)).text();
    expect(config).toContain('"authMode":"local"');
    expect(config).toContain('"supportAddress":"soporte@partner.example"');
    expect((await fetch(`${base}/api/v1/me`)).status).toBe(401);
  });

  it('uses Entra tokens in production and tells the page to use NAA for the API scope', async () => {
    const lines = await wire({
      NODE_ENV: 'production',
      ENTRA_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
      ENTRA_APP_ID_URI: 'api://soporte.contoso.com/c0ffee00-0000-4000-8000-000000000001',
      ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys',
    });
    expect(lines[0]).toBe('REST API: /api/v1 (Entra ID tokens for c0ffee00-0000-4000-8000-000000000001)');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = await (await fetch(`${base}/addin/config.js`)).text();
    expect(config).toContain('"authMode":"naa"');
    expect(config).toContain('"apiScope":"api://soporte.contoso.com/c0ffee00-0000-4000-8000-000000000001/access_as_user"');
    expect(
      (
        await fetch(`${base}/api/v1/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"email":"a@b.example"}',
        })
      ).status,
    ).toBe(404);
  });

  it('stays off in production without an Entra app, and refuses local mode there', async () => {
    expect(await wire({ NODE_ENV: 'production' })).toEqual(['REST API and add-in: off (AUTH_MODE=entra needs ENTRA_CLIENT_ID)']);
    await expect(wire({ NODE_ENV: 'production', AUTH_MODE: 'local' })).rejects.toThrow(/refused in production/);
  });
});
