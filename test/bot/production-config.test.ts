import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertSafeForProduction, parseConfig, productionProblems, UnsafeProductionConfigError } from '../../bot/config';

const ROOT = resolve(__dirname, '../..');
const UAMI = '11111111-1111-4111-8111-111111111111';
const ADDIN_API = '22222222-2222-4222-8222-222222222222';
const TENANT = '33333333-3333-4333-8333-333333333333';

/** The settings deploy/infra/main.bicep passes: user-assigned managed identity for the bot and Graph, own API app. */
const SAFE: Record<string, string> = {
  NODE_ENV: 'production',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: UAMI,
  MicrosoftAppTenantId: TENANT,
  AUTH_MODE: 'entra',
  ENTRA_CLIENT_ID: ADDIN_API,
  ENTRA_APP_ID_URI: `api://soporte.contoso.com/${ADDIN_API}`,
  PROVIDER_TENANT_ID: TENANT,
  MAIL_MODE: 'graph',
  MAIL_SUPPORT_ADDRESS: 'soporte@contoso.com',
  STORE: 'sqlite',
  GRAPH_AUTH: 'managed-identity',
  AZURE_CLIENT_ID: UAMI,
};

describe('production configuration checks (productionProblems)', () => {
  it('accepts the deployed shape: managed identity for the bot and Graph, a separate add-in API app', () => {
    expect(productionProblems(parseConfig(SAFE))).toEqual([]);
    expect(
      productionProblems(
        parseConfig({
          ...SAFE,
          GRAPH_AUTH: 'certificate',
          AZURE_TENANT_ID: TENANT,
          AZURE_CLIENT_CERTIFICATE_PATH: '/certs/soporte.pem',
          STORE: 'sharepoint',
          SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/soporte',
        }),
      ),
    ).toEqual([]);
  });

  it('checks nothing outside production (local mode stays the newcomer default)', () => {
    expect(productionProblems(parseConfig({}))).toEqual([]);
    expect(productionProblems(parseConfig({ NODE_ENV: 'test', AUTH_MODE: 'local' }))).toEqual([]);
  });

  it('names every problem of a development configuration run as production, in one error', () => {
    const problems = productionProblems(
      parseConfig({
        NODE_ENV: 'production',
        AUTH_MODE: 'local',
        MAIL_MODE: 'graph',
        GRAPH_TENANT_ID: 't',
        GRAPH_CLIENT_ID: 'c',
        GRAPH_CLIENT_SECRET: 's',
        STORE: 'sharepoint',
        OFFICE_JS_URL: 'http://127.0.0.1/office.js',
      }),
    );
    const expected = [
      /^bot identity: MicrosoftAppType must be SingleTenant or UserAssignedMSI/,
      /^bot identity: MicrosoftAppId/,
      /^bot identity: MicrosoftAppTenantId/,
      /^AUTH_MODE=local \(development tokens\) is refused in production/,
      /^ENTRA_CLIENT_ID \(the add-in API's own app registration\) is not set/,
      /^ENTRA_APP_ID_URI/,
      /^PROVIDER_TENANT_ID/,
      /^OFFICE_JS_URL must be an https:\/\/ URL/,
      /^GRAPH_TENANT_ID\/GRAPH_CLIENT_ID\/GRAPH_CLIENT_SECRET .* refused in production/,
      /^GRAPH_AUTH \(managed-identity, certificate or secret\) is not set/,
      /^STORE=sharepoint needs SHAREPOINT_SITE/,
      /^MAIL_SUPPORT_ADDRESS/,
    ];
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(problems[i]).toMatch(pattern));
    expect(() => assertSafeForProduction(parseConfig({ NODE_ENV: 'production' }))).toThrow(UnsafeProductionConfigError);
  });

  it('refuses one identity for both the service and the add-in API, and an unnamed managed identity', () => {
    expect(productionProblems(parseConfig({ ...SAFE, ENTRA_CLIENT_ID: UAMI }))).toEqual([
      expect.stringMatching(/ENTRA_CLIENT_ID must be the add-in API's own app registration, not the service identity/),
    ]);
    const { AZURE_CLIENT_ID: _unused, ...unnamed } = SAFE;
    expect(productionProblems(parseConfig(unnamed))).toEqual([
      expect.stringMatching(/GRAPH_AUTH=managed-identity needs AZURE_CLIENT_ID/),
    ]);
    expect(productionProblems(parseConfig({ ...SAFE, GRAPH_AUTH: 'certificate' }))).toEqual([
      'GRAPH_AUTH=certificate needs AZURE_TENANT_ID',
      'GRAPH_AUTH=certificate needs AZURE_CLIENT_CERTIFICATE_PATH',
    ]);
    expect(productionProblems(parseConfig({ ...SAFE, MicrosoftAppType: 'SingleTenant' }))).toEqual([
      expect.stringMatching(/^bot identity: SingleTenant needs MicrosoftAppPassword or CertificateThumbprint/),
    ]);
  });
});

describe('production start (bot/main.ts) with an unsafe configuration', () => {
  jest.setTimeout(60_000);

  it('exits before opening the store, taking a lease or starting a timer, naming each problem', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'soporte-unsafe-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATA_DIR: join(dataDir, 'data'),
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_MODE: 'local',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect(code).toBe(1);
      expect(out).toMatch(/refusing to start in production: \d+ problems/);
      expect(out).toMatch(/- bot identity: MicrosoftAppType must be SingleTenant or UserAssignedMSI/);
      expect(out).toMatch(/- AUTH_MODE=local \(development tokens\) is refused in production/);
      expect(out).toMatch(/- ENTRA_CLIENT_ID/);
      // Nothing started: no "starting" line, no store file, no monitor, no listener.
      expect(out).not.toMatch(/starting|store:|SLA monitor|listening/);
      expect(existsSync(join(dataDir, 'data')) ? readdirSync(join(dataDir, 'data')) : []).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
