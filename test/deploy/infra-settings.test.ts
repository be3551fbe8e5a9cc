import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { CONFIG_SETTINGS, parseConfig, PLATFORM_SETTINGS, productionProblems } from '../../bot/config';
import { PackageSettingsSchema } from '../../manifest/package-settings';

/**
 * None of the deployment files can reach Azure from here, so they are checked against the code: every app
 * setting they pass is a setting bot/config.ts knows, and what they pass is a configuration production accepts.
 */
const ROOT = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const bicep = read('deploy/infra/main.bicep');
const agentsYaml = read('m365agents.yml');

/** `{ name: 'X', value: ... }` entries of the web app's app settings, with the literal value when there is one. */
function bicepAppSettings(): Map<string, string | undefined> {
  const settings = new Map<string, string | undefined>();
  for (const match of bicep.matchAll(/^\s*\{ name: '([A-Za-z_][A-Za-z0-9_]*)', value: (.*) \}$/gm))
    settings.set(match[1]!, /^'([^'$]*)'$/.exec(match[2]!)?.[1]);
  return settings;
}

/** What an expression in the template stands for once deployed (ids are GUIDs, the host is the web app's). */
const DEPLOYED_VALUES: Record<string, string> = {
  DATA_DIR: '/mnt/soporte-data',
  MicrosoftAppId: '11111111-1111-4111-8111-111111111111',
  AZURE_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
  MicrosoftAppTenantId: '33333333-3333-4333-8333-333333333333',
  PROVIDER_TENANT_ID: '33333333-3333-4333-8333-333333333333',
  ENTRA_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
  ENTRA_APP_ID_URI: 'api://soporte-contoso.azurewebsites.net/22222222-2222-4222-8222-222222222222',
  MAIL_SUPPORT_ADDRESS: 'soporte@contoso.com',
  GRAPH_CONSULTANT_MAILBOXES: 'ana@contoso.com,luis@contoso.com',
  GRAPH_NOTIFICATION_CLIENT_STATE: 'resolved-from-key-vault-0123456789',
  PARTNER_NAME: 'Contoso Consulting',
  PARTNER_EMAIL: 'soporte@contoso.com',
  PARTNER_WEBSITE: 'https://www.contoso.com',
  SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/soporte',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

function deployedEnv(store: 'sqlite' | 'sharepoint'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, literal] of bicepAppSettings()) {
    if (name === 'SHAREPOINT_SITE' && store !== 'sharepoint') continue;
    env[name] = name === 'STORE' ? store : (literal ?? DEPLOYED_VALUES[name] ?? '');
    if (env[name] === '') throw new Error(`the test has no deployed value for ${name}: add it to DEPLOYED_VALUES`);
  }
  return env;
}

/** ${{NAME}} placeholders the Agents Toolkit fills from env/.env.<env>. */
const placeholders = (text: string) => new Set([...text.matchAll(/\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g)].map((m) => m[1]!));

/** NAME= lines of an env file. */
const envFileNames = (file: string) => new Set([...read(file).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));

describe('deploy/infra/main.bicep', () => {
  it('passes only app settings bot/config.ts knows (or the platform reads)', () => {
    const names = [...bicepAppSettings().keys()];
    expect(names.length).toBeGreaterThan(20);
    const known = new Set([...CONFIG_SETTINGS, ...PLATFORM_SETTINGS]);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('passes everything production requires: the deployed settings parse and raise no production problem', () => {
    for (const store of ['sqlite', 'sharepoint'] as const) {
      const config = parseConfig(deployedEnv(store));
      expect(config.NODE_ENV).toBe('production');
      expect(productionProblems(config)).toEqual([]);
    }
  });

  it('each Soporte setting it passes matters: dropping a required one is a production problem', () => {
    const env = deployedEnv('sqlite');
    const required = [
      'MicrosoftAppType',
      'MicrosoftAppId',
      'MicrosoftAppTenantId',
      'ENTRA_CLIENT_ID',
      'ENTRA_APP_ID_URI',
      'PROVIDER_TENANT_ID',
      'GRAPH_AUTH',
      'AZURE_CLIENT_ID',
      'MAIL_SUPPORT_ADDRESS',
    ];
    const unnoticed = required.filter((name) => {
      const { [name]: _dropped, ...rest } = env;
      return rest.NODE_ENV === 'production' && productionProblems(parseConfig(rest)).length === 0;
    });
    expect(unnoticed).toEqual([]);
    expect(required.every((name) => name in env)).toBe(true);
  });

  it('runs Node 22 on Linux, https only, always on, health check on /healthz, started from the compiled build', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain('httpsOnly: true');
    expect(bicep).toContain('alwaysOn: true');
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain("appCommandLine: 'node dist/bot/main.js'");
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).toContain("type: 'AzureFiles'");
    expect(bicep).toMatch(/@Microsoft\.KeyVault\(SecretUri=/);
  });

  it('has a value for every parameter without a default in both parameters files, and no unknown parameter', () => {
    const params = [...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((m) => ({ name: m[1]!, required: !m[2] }));
    for (const file of ['deploy/infra/main.parameters.json', 'deploy/infra/main.parameters.example.json']) {
      const given = Object.keys((JSON.parse(read(file)) as { parameters: Record<string, unknown> }).parameters);
      expect({ file, unknown: given.filter((g) => !params.some((p) => p.name === g)) }).toEqual({ file, unknown: [] });
      const secret = 'graphNotificationClientState'; // passed on the command line by deploy/provision.sh
      const missing = params
        .filter((p) => p.required && !given.includes(p.name) && !(file.endsWith('example.json') && p.name === secret))
        .map((p) => p.name);
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });
});

describe('m365agents.yml and env/.env.dev', () => {
  it('is valid against the Agents Toolkit project schema of its version (vendored, offline)', () => {
    // deploy/schema/ holds the schema @microsoft/m365agentstoolkit-cli 1.1.17 ships (resource/yaml-schema/v1.13, MIT).
    const doc = load(agentsYaml) as { version: string };
    expect(doc.version).toBe('v1.13');
    expect(agentsYaml.split('\n')[0]).toBe('# yaml-language-server: $schema=https://aka.ms/teams-toolkit/v1.13/yaml.schema.json');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(read('deploy/schema/m365agents.v1.13.yaml.schema.json')) as object,
    );
    expect({ valid: validate(doc), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    // The schema is strict: a misspelt action input is refused.
    expect(validate(load(agentsYaml.replace('generateClientSecret: false', 'generateClientSecrets: false')))).toBe(false);
  });

  it('is valid YAML with provision, deploy and publish, using the Bicep template and the compiled build', () => {
    const doc = load(agentsYaml) as Record<string, Array<{ uses: string; with?: Record<string, unknown> }>>;
    const uses = (stage: string) => doc[stage]!.map((step) => step.uses);
    expect(uses('provision')).toEqual(['teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update']);
    expect(uses('deploy')).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'script', 'azureAppService/zipDeploy']);
    expect(uses('publish')).toContain('teamsApp/update');
    expect(JSON.stringify(doc.provision)).toContain('./deploy/infra/main.bicep');
    expect(doc.provision![1]!.with).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', generateClientSecret: false });
  });

  it('every ${{NAME}} it, the parameters file and the add-in API manifest use is defined in env/.env.dev (secrets in .env.dev.user)', () => {
    const defined = new Set([...envFileNames('env/.env.dev'), ...envFileNames('env/.env.dev.user.example')]);
    const used = new Set([
      ...placeholders(agentsYaml),
      ...placeholders(read('deploy/infra/main.parameters.json')),
      ...placeholders(read('deploy/aad.addin-api.manifest.json')),
    ]);
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('defines every setting npm run package needs, and arm/deploy writes the ones the template outputs', () => {
    const defined = envFileNames('env/.env.dev');
    // Required ones: APP_VERSION defaults to package.json's, the legal page URLs to the server's /legal/ pages.
    const packageSettings = Object.entries(PackageSettingsSchema.shape)
      .filter(([name, schema]) => name !== 'APP_VERSION' && !schema.safeParse(undefined).success)
      .map(([name]) => name);
    expect(packageSettings).toEqual(['PUBLIC_URL', 'TEAMS_APP_ID', 'BOT_ID', 'ENTRA_CLIENT_ID', 'ADDIN_ID', 'PROVIDER_NAME']);
    expect(packageSettings.filter((name) => !defined.has(name))).toEqual([]);
    const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
    expect(outputs.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('passes only settings bot/config.ts knows wherever it sets an environment (envs blocks)', () => {
    const envBlocks: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'envs' && value && typeof value === 'object') envBlocks.push(...Object.keys(value));
          else walk(value);
        }
      }
    };
    walk(load(agentsYaml));
    expect(envBlocks.filter((name) => !CONFIG_SETTINGS.includes(name))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds in one stage and runs the compiled output as a non-root user with a /healthz health check', () => {
    expect(dockerfile).toMatch(/^FROM node:22[^\n]* AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:22[^\n]* AS runtime$/m);
    expect(dockerfile).toContain('RUN npm run build');
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(dockerfile).toContain('CMD ["node", "dist/bot/main.js"]');
  });

  it('sets only settings bot/config.ts knows', () => {
    const envLine = dockerfile.match(/^ENV (.*)$/m)![1]!;
    const names = [...envLine.matchAll(/(\w+)=/g)].map((m) => m[1]!);
    expect(names.filter((name) => !CONFIG_SETTINGS.includes(name))).toEqual([]);
  });
});

describe('the add-in API app registration (deploy/aad.addin-api.manifest.json)', () => {
  const manifest = JSON.parse(read('deploy/aad.addin-api.manifest.json')) as {
    signInAudience: string;
    identifierUris: string[];
    api: { oauth2PermissionScopes: Array<{ value: string; type: string }>; preAuthorizedApplications: Array<{ appId: string }> };
    spa: { redirectUris: string[] };
    requiredResourceAccess: unknown[];
    appRoles: unknown[];
    keyCredentials?: unknown[];
    passwordCredentials?: unknown[];
  };

  it('is multitenant, exposes only the delegated access_as_user scope, and asks for no permission at all', () => {
    expect(manifest.signInAudience).toBe('AzureADMultipleOrgs');
    expect(manifest.api.oauth2PermissionScopes.map((scope) => [scope.value, scope.type])).toEqual([['access_as_user', 'User']]);
    expect(manifest.requiredResourceAccess).toEqual([]);
    expect(manifest.appRoles).toEqual([]);
    expect(manifest.keyCredentials ?? []).toEqual([]);
    expect(manifest.passwordCredentials ?? []).toEqual([]);
    expect(manifest.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{ENTRA_CLIENT_ID}}']);
  });

  it('registers the redirects the add-in uses: the NAA broker and the dialog sign-in page', () => {
    expect(manifest.spa.redirectUris).toEqual([
      'brk-multihub://${{BOT_DOMAIN}}',
      'https://${{BOT_DOMAIN}}/addin/auth-dialog.html',
    ]);
    expect(read('addin/taskpane.ts')).toContain('/addin/auth-dialog.html');
    expect(read('addin/auth-dialog.ts')).toContain('/addin/auth-dialog.html');
    // The same redirect the Teams manifest names for NAA.
    expect(read('manifest/teams/manifest.template.json')).toContain('"redirectUri": "brk-multihub://{{PUBLIC_HOST}}"');
  });
});

describe('deploy/ scripts', () => {
  it('are executable shell scripts bash can parse', () => {
    const scripts = readdirSync(join(ROOT, 'deploy')).filter((file) => file.endsWith('.sh'));
    expect(scripts.sort()).toEqual(['deploy-app.sh', 'provision.sh']);
    for (const script of scripts) {
      const file = join(ROOT, 'deploy', script);
      expect({ script, executable: (statSync(file).mode & 0o111) !== 0 }).toEqual({ script, executable: true });
      const check = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
      expect({ script, status: check.status, stderr: check.stderr }).toEqual({ script, status: 0, stderr: '' });
    }
  });
});
