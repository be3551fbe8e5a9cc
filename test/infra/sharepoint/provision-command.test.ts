import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runProvision } from '../../../bot/cli/commands/provision';
import { parseConfig } from '../../../bot/config';
import { openConfiguredStore, storeCredentialConfig } from '../../../bot/store-wiring';
import { LISTS, SCHEMA_VERSION } from '../../../shared/infra/sharepoint';
import { startGraphService, type GraphService } from '../../support/graph-service';
import { SITE_URL } from './sharepoint-harness';
import { ManualClock } from '../../support/doubles';

const clock = new ManualClock(new Date('2026-03-02T16:00:00Z'));

describe('soporte provision', () => {
  let graph: GraphService;

  beforeEach(async () => {
    graph = await startGraphService();
    graph.sharepoint.addSite({ hostname: 'contoso.sharepoint.com', path: '/sites/soporte' });
  });
  afterEach(() => graph.close());

  it('tells progress list by list, then that a second run had nothing to do', async () => {
    const lines: string[] = [];
    const first = await runProvision({ client: graph.client(), site: SITE_URL, lang: 'en', progress: (l) => lines.push(l) });
    const total = Object.keys(LISTS).length + 1;
    expect(lines[0]).toBe(`Provisioning SharePoint site ${SITE_URL}`);
    expect(lines[1]).toBe(`[1/${total}] ${LISTS.clients.name}: list created with its columns and indexes`);
    expect(lines[lines.length - 1]).toBe(`[${total}/${total}] schema version ${SCHEMA_VERSION} recorded`);
    expect(first.summary).toBe(`Done: ${total} change(s) on site ${first.report.siteId}.`);

    const again: string[] = [];
    const second = await runProvision({
      client: graph.client(),
      site: first.report.siteId,
      lang: 'es-MX',
      progress: (l) => again.push(l),
    });
    expect(again.slice(1)).toEqual([
      ...Object.values(LISTS).map((l, i) => `[${i + 1}/${total}] ${l.name}: al día`),
      `[${total}/${total}] versión de esquema ${SCHEMA_VERSION}: al día`,
    ]);
    expect(second.summary).toBe(`Nada que hacer: el sitio ${first.report.siteId} ya estaba preparado (sin cambios).`);
  });

  it('the command refuses to run without a site, naming the setting', () => {
    const env = { ...process.env };
    delete env.SHAREPOINT_SITE;
    delete env.STORE;
    const out = spawnSync(process.execPath, [join(__dirname, '../../../bin/soporte.js'), 'provision'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/--site <site id or URL> or set SHAREPOINT_SITE/);
  });
});

describe('STORE=sharepoint settings', () => {
  const base = { STORE: 'sharepoint', SHAREPOINT_SITE: SITE_URL };

  it('SQLite stays the default', () => {
    expect(parseConfig({}).STORE).toBe('sqlite');
  });

  it('refuses to start when a required setting is missing, naming it', async () => {
    await expect(
      openConfiguredStore(parseConfig({ STORE: 'sharepoint', GRAPH_AUTH: 'managed-identity' }), clock),
    ).rejects.toThrow(/STORE=sharepoint needs SHAREPOINT_SITE/);
    await expect(openConfiguredStore(parseConfig(base), clock)).rejects.toThrow(
      /STORE=sharepoint needs GRAPH_AUTH \(secret, certificate or managed-identity\)/,
    );
    await expect(
      openConfiguredStore(parseConfig({ ...base, GRAPH_AUTH: 'secret', AZURE_TENANT_ID: 't' }), clock),
    ).rejects.toThrow('invalid configuration: GRAPH_AUTH=secret needs AZURE_CLIENT_ID, AZURE_CLIENT_SECRET');
    await expect(
      openConfiguredStore(parseConfig({ ...base, GRAPH_AUTH: 'certificate', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }), clock),
    ).rejects.toThrow('GRAPH_AUTH=certificate needs AZURE_CLIENT_CERTIFICATE_PATH');
    expect(() => parseConfig({ ...base, GRAPH_AUTH: 'password' })).toThrow(/GRAPH_AUTH/);
  });

  it('builds the credential the configuration names', () => {
    expect(
      storeCredentialConfig({ GRAPH_AUTH: 'secret', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' }),
    ).toEqual({ kind: 'client-secret', tenantId: 't', clientId: 'c', clientSecret: 's' });
    expect(
      storeCredentialConfig({
        GRAPH_AUTH: 'certificate',
        AZURE_TENANT_ID: 't',
        AZURE_CLIENT_ID: 'c',
        AZURE_CLIENT_CERTIFICATE_PATH: '/etc/soporte/app.pem',
      }),
    ).toEqual({ kind: 'certificate', tenantId: 't', clientId: 'c', certificatePath: '/etc/soporte/app.pem' });
    expect(storeCredentialConfig({ GRAPH_AUTH: 'managed-identity' })).toEqual({ kind: 'managed-identity' });
    expect(storeCredentialConfig({ GRAPH_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'uami' })).toEqual({
      kind: 'managed-identity',
      clientId: 'uami',
    });
  });
});
