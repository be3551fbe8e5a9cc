import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../bot/config';
import { buildMailer, mailCredentialConfig, sharedStoreSteps } from '../../bot/mail/mail-wiring';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import { openSqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { startSharePoint } from '../infra/sharepoint/sharepoint-harness';
import { startWiring } from './start-wiring';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'mail');

test('npm start wiring (MAIL_MODE=maildrop): an example dropped in DATA_DIR/maildrop becomes a ticket and its acknowledgement lands in DATA_DIR/outbox', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-wiring-'));
  const config = parseConfig({ DATA_DIR: dataDir, MAIL_POLL_SECONDS: '1' });
  expect(config).toMatchObject({
    MAIL_MODE: 'maildrop',
    MAIL_SUPPORT_ADDRESS: 'soporte@soporte.local',
    GRAPH_CONSULTANT_MAILBOXES: [],
  });
  const clock = { now: () => new Date() };
  const store = await openSqliteStore({ dataDir, clock });
  try {
    const mailer = buildMailer(config, clock);
    expect(mailer).toBeInstanceOf(OutboxMailer);
    const { services, channel } = startWiring(config, store, clock, mailer!);
    await services.directory.addClient(
      { role: 'manager', id: 'm' },
      { id: 'demo', name: 'Demo', domains: ['cliente-demo.example'], locale: 'es-MX', managerEmails: ['boss@partner.example'] },
    );
    await services.directory.addRequester(
      { role: 'manager', id: 'm' },
      {
        clientId: 'demo',
        email: 'carlos.ruiz@cliente-demo.example',
        name: 'Carlos Ruiz',
        isClientAdmin: false,
        effectiveFrom: '2020-01-01',
        onRequestOf: 'carlos.ruiz@cliente-demo.example',
      },
    );
    mkdirSync(path.join(dataDir, 'maildrop'), { recursive: true });
    copyFileSync(path.join(EXAMPLES, 'new-incident.eml'), path.join(dataDir, 'maildrop', 'new-incident.eml'));
    const report = await channel.poller.pollOnce();
    expect(report.outcomes).toEqual([
      expect.objectContaining({
        id: 'new-incident.eml',
        disposition: 'processed',
        action: 'opened',
        ticketNumber: expect.stringMatching(/^SUP-\d{4}-0001$/),
      }),
    ]);
    const outbox = readdirSync(path.join(dataDir, 'outbox'));
    expect(outbox).toEqual([expect.stringMatching(/-SUP-\d{4}-0001-acknowledgement\.eml$/)]);
    const ack = readFileSync(path.join(dataDir, 'outbox', outbox[0]), 'utf8');
    expect(ack).toContain('In-Reply-To: <example-new-incident@cliente-demo.example>');
    expect(ack).toContain('From: Soporte <soporte@soporte.local>');
    expect(readdirSync(path.join(dataDir, 'mail', 'processed')).sort()).toEqual([
      'new-incident.eml',
      'new-incident.eml.reason.json',
    ]);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('MAIL_MODE=graph without credentials is a clear configuration error; bad MAIL_MODE is refused', () => {
  const config = parseConfig({ MAIL_MODE: 'graph' });
  expect(() => buildMailer(config, { now: () => new Date() })).toThrow(
    'MAIL_MODE=graph needs GRAPH_AUTH (managed-identity, certificate or secret, with AZURE_CLIENT_ID ...) or, in development, GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET',
  );
  expect(() => parseConfig({ MAIL_MODE: 'smtp' })).toThrow(/MAIL_MODE/);
});

test('MAIL_MODE=graph signs in as the service identity: user-assigned managed identity, certificate, or the development secret', () => {
  const graph = { MAIL_MODE: 'graph', MAIL_SUPPORT_ADDRESS: 'soporte@contoso.com' };
  expect(mailCredentialConfig(parseConfig({ ...graph, GRAPH_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'uami' }))).toEqual({
    kind: 'managed-identity',
    clientId: 'uami',
  });
  expect(
    mailCredentialConfig(
      parseConfig({
        ...graph,
        GRAPH_AUTH: 'certificate',
        AZURE_TENANT_ID: 't',
        AZURE_CLIENT_ID: 'c',
        AZURE_CLIENT_CERTIFICATE_PATH: '/certs/soporte.pem',
      }),
    ),
  ).toEqual({ kind: 'certificate', tenantId: 't', clientId: 'c', certificatePath: '/certs/soporte.pem' });
  expect(
    mailCredentialConfig(parseConfig({ ...graph, GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CLIENT_SECRET: 's' })),
  ).toEqual({ kind: 'client-secret', tenantId: 't', clientId: 'c', clientSecret: 's' });
  expect(() => mailCredentialConfig(parseConfig({ ...graph, GRAPH_AUTH: 'certificate', AZURE_TENANT_ID: 't' }))).toThrow(
    'GRAPH_AUTH=certificate needs AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH',
  );
  // The managed identity credential is built without reaching anything (tokens are fetched on first use).
  expect(
    buildMailer(parseConfig({ ...graph, GRAPH_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'uami' }), { now: () => new Date() }),
  ).toBeDefined();
});

test('GRAPH_NOTIFICATION_URL needs MAIL_MODE=graph and a client state; with both, the mail channel manages the subscriptions', () => {
  expect(() => parseConfig({ GRAPH_NOTIFICATION_URL: 'https://soporte.example/api/mail/notifications' })).toThrow(
    'GRAPH_NOTIFICATION_URL needs MAIL_MODE=graph and GRAPH_NOTIFICATION_CLIENT_STATE',
  );
  expect(() => parseConfig({ MAIL_MODE: 'graph', GRAPH_NOTIFICATION_URL: 'not a url' })).toThrow(/GRAPH_NOTIFICATION_URL/);
  const config = parseConfig({
    MAIL_MODE: 'graph',
    GRAPH_NOTIFICATION_URL: 'https://soporte.example/api/mail/notifications',
    GRAPH_NOTIFICATION_CLIENT_STATE: 'a-long-client-state-secret',
  });
  expect(config.GRAPH_NOTIFICATION_URL).toBe('https://soporte.example/api/mail/notifications');
});

test("Graph mail shares the SharePoint store's batches only when it signs in as the store's app (GRAPH_AUTH)", async () => {
  const sp = await startSharePoint();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-wiring-steps-'));
  const sqlite = await openSqliteStore({ dataDir, clock: { now: () => new Date() } });
  try {
    const store = await sp.open();
    const graph = { MAIL_MODE: 'graph', MAIL_SUPPORT_ADDRESS: 'soporte@contoso.com', STORE: 'sharepoint' };
    const asService = parseConfig({ ...graph, GRAPH_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'uami' });
    const devSecret = parseConfig({ ...graph, GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CLIENT_SECRET: 's' });
    expect(sharedStoreSteps(asService, store)).toBe(store.steps);
    expect(sharedStoreSteps(devSecret, store)).toBeUndefined();
    expect(sharedStoreSteps(asService, sqlite)).toBeUndefined();
  } finally {
    await sqlite.close();
    await sp.graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
