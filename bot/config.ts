import { hostname } from 'node:os';
import { z } from 'zod';
import { EMAIL_PATTERN } from '../shared/domain/common';
import { BotIdentityError, resolveBotIdentity } from './adapter/bot-identity';
import { DEFAULT_BODY_LIMITS } from './request-body';
import { SENDER_AUTHENTICATION_POLICIES } from '../shared/domain/mail';

/** "true"/"false"/"1"/"0"/"yes"/"no" (any case) as a boolean; anything else is a config error. */
const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** The server's settings, parsed once from the environment. The only reader of process.env. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Load the demo data set into an empty store on first start (never in production). */
  SEED_DEMO: booleanFlag.optional(),
  /** How often the SLA monitor sweeps open tickets. */
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** This server's name in the SLA monitor's lease and the alert ledger (default host:pid). */
  INSTANCE_ID: z.string().min(1).optional(),
  /**
   * Teams bot identity (Azure Bot Service names). None outside production = local mode (unauthenticated,
   * for the Playground and tests). Production requires MicrosoftAppType SingleTenant or UserAssignedMSI,
   * MicrosoftAppId and MicrosoftAppTenantId (+ password or certificate for SingleTenant): see bot/adapter/bot-identity.ts.
   */
  MicrosoftAppType: z.string().min(1).optional(),
  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  CertificateThumbprint: z.string().min(1).optional(),
  CertificatePrivateKey: z.string().min(1).optional(),
  /** Email channel: maildrop (DATA_DIR/maildrop in, DATA_DIR/outbox out; default), graph (Microsoft 365 mailbox), log (no mailbox). */
  MAIL_MODE: z.enum(['maildrop', 'graph', 'log']).default('maildrop'),
  /** The support mailbox: the From of outbound mail, the Graph mailbox read, never answered (no loops). */
  MAIL_SUPPORT_ADDRESS: z.email({ pattern: EMAIL_PATTERN }).default('soporte@soporte.local'),
  MAIL_FROM_NAME: z.string().min(1).default('Soporte'),
  /** How often the mailbox is read. */
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Attachments larger than this are refused (the client is told in the acknowledgement). */
  MAIL_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024),
  /**
   * Mail whose sender Exchange could not authenticate (dmarc=fail, spf=fail without dkim=pass, compauth=fail):
   * reject, quarantine or accept. Default: the policy's mail.senderAuthentication (quarantine).
   */
  MAIL_SENDER_AUTHENTICATION: z.enum(SENDER_AUTHENTICATION_POLICIES).optional(),
  /** MAIL_MODE=graph: consultants' mailboxes (comma-separated) whose flagged messages become tickets. */
  GRAPH_CONSULTANT_MAILBOXES: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Development only (refused in production): a client-secret app for MAIL_MODE=graph when GRAPH_AUTH is not set. GRAPH_BASE_URL: Graph's origin (default https://graph.microsoft.com). */
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_BASE_URL: z.url().optional(),
  /** MAIL_MODE=graph: the clientState of the Inbox change-notification subscription; enables POST /api/mail/notifications. */
  GRAPH_NOTIFICATION_CLIENT_STATE: z.string().min(16).optional(),
  /**
   * MAIL_MODE=graph: the public HTTPS URL of POST /api/mail/notifications. When set (with the client state),
   * Soporte creates the Inbox subscriptions at start, renews and recreates them (delta stays the source of truth).
   */
  GRAPH_NOTIFICATION_URL: z.url().optional(),
  /** REST API auth: entra (Microsoft Entra ID tokens) or local (development tokens; refused in production). Default: entra in production, else local. */
  AUTH_MODE: z.enum(['entra', 'local']).optional(),
  /** The Entra app registration the add-in gets tokens for (SSO/NAA), and its Application ID URI (api://host/<id>). */
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_APP_ID_URI: z.string().min(1).optional(),
  /** The partner's own Entra tenant: staff tokens come from it. */
  PROVIDER_TENANT_ID: z.string().min(1).default('soporte-local-provider'),
  ENTRA_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  /** Where the add-in page loads Office.js from (Outlook fetches it; tests point it at a local mock). */
  OFFICE_JS_URL: z.string().min(1).default('https://appsforoffice.microsoft.com/lib/1/hosted/office.js'),
  /** The built add-in served under /addin/ (npm run build:addin). */
  ADDIN_DIR: z.string().min(1).default('./dist/addin'),
  /** Where data lives: sqlite (DATA_DIR, default) or sharepoint (lists on SHAREPOINT_SITE through Graph; see docs/sharepoint.md). */
  STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
  /** STORE=sharepoint: the site's Graph id or URL (https://<tenant>.sharepoint.com/sites/<name>). */
  SHAREPOINT_SITE: z.string().min(1).optional(),
  /** How the service identity signs in to Graph (MAIL_MODE=graph and STORE=sharepoint); secret and certificate need AZURE_TENANT_ID and AZURE_CLIENT_ID. */
  GRAPH_AUTH: z.enum(['secret', 'certificate', 'managed-identity']).optional(),
  AZURE_TENANT_ID: z.string().min(1).optional(),
  /** The app registration (secret, certificate) or the user-assigned managed identity. */
  AZURE_CLIENT_ID: z.string().min(1).optional(),
  AZURE_CLIENT_SECRET: z.string().min(1).optional(),
  /** PEM file with the certificate and its private key. */
  AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
  /** The partner named on the privacy statement, terms of use and support page the server serves (/legal/*). */
  PARTNER_NAME: z.string().min(1).default('Soporte'),
  PARTNER_EMAIL: z.email().optional(),
  PARTNER_WEBSITE: z.url().optional(),
  /** The largest REST API (/api/v1) or Graph notification body read, in bytes after decoding (gzip, deflate, br); larger: 413. */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_BODY_LIMITS.apiBytes),
  /** The largest Bot Framework activity (POST /api/messages) read, in bytes after decoding; larger: 413. */
  BOT_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_BODY_LIMITS.botBytes),
  /** Tests only (NODE_ENV=test): the clock starts at this instant and runs forward from it. */
  TEST_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** Tests only (NODE_ENV=test): the process kills itself (SIGKILL) at this step of its first acknowledgement send. */
  TEST_CRASH_AT: z.enum(['before-claim', 'after-claim', 'after-send']).optional(),
});

type RawConfig = z.infer<typeof ConfigSchema>;

/** Every setting bot/config.ts reads (test/deploy checks the Bicep template and the Dockerfile against it). */
export const CONFIG_SETTINGS: readonly string[] = Object.keys(ConfigSchema.shape);

/** Settings a deployment passes that the platform reads, not Soporte (App Service, Application Insights' agent). */
export const PLATFORM_SETTINGS: readonly string[] = [
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'WEBSITES_PORT',
];
export type Config = Omit<RawConfig, 'SEED_DEMO' | 'INSTANCE_ID' | 'TEST_CLOCK_START'> & {
  SEED_DEMO: boolean;
  INSTANCE_ID: string;
  TEST_CLOCK_START?: Date;
};

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const { TEST_CLOCK_START, ...raw } = result.data;
  if (TEST_CLOCK_START && raw.NODE_ENV !== 'test')
    throw new Error('invalid configuration: TEST_CLOCK_START is honoured only with NODE_ENV=test');
  if (raw.GRAPH_NOTIFICATION_URL && (raw.MAIL_MODE !== 'graph' || !raw.GRAPH_NOTIFICATION_CLIENT_STATE)) {
    throw new Error('invalid configuration: GRAPH_NOTIFICATION_URL needs MAIL_MODE=graph and GRAPH_NOTIFICATION_CLIENT_STATE');
  }
  if (raw.TEST_CRASH_AT && raw.NODE_ENV !== 'test')
    throw new Error('invalid configuration: TEST_CRASH_AT is honoured only with NODE_ENV=test');
  return {
    ...raw,
    ...(TEST_CLOCK_START ? { TEST_CLOCK_START: new Date(TEST_CLOCK_START) } : {}),
    // Production never seeds, whatever SEED_DEMO says.
    SEED_DEMO: raw.NODE_ENV !== 'production' && (raw.SEED_DEMO ?? true),
    INSTANCE_ID: raw.INSTANCE_ID ?? `${hostname()}:${process.pid}`,
  };
}

/** The local development defaults production must not run with. */
const LOCAL_PROVIDER_TENANT = 'soporte-local-provider';
const LOCAL_SUPPORT_ADDRESS = 'soporte@soporte.local';

/**
 * Everything that makes a configuration unsafe to run in production, one sentence each (empty when it is
 * safe or when NODE_ENV is not production). main.ts checks this before it opens the store, takes a lease
 * or starts a timer, and refuses to start naming every problem.
 */
export function productionProblems(config: Config): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  // The Teams bot: SingleTenant or UserAssignedMSI, never the unauthenticated local mode.
  try {
    resolveBotIdentity(config);
  } catch (error) {
    if (!(error instanceof BotIdentityError)) throw error;
    problems.push(...error.missing.map((m) => `bot identity: ${m}`));
  }
  // The add-in's REST API: Entra tokens for its own app registration, never development tokens.
  if (config.AUTH_MODE === 'local')
    problems.push('AUTH_MODE=local (development tokens) is refused in production: set AUTH_MODE=entra');
  if (!config.ENTRA_CLIENT_ID) problems.push("ENTRA_CLIENT_ID (the add-in API's own app registration) is not set");
  if (!config.ENTRA_APP_ID_URI)
    problems.push("ENTRA_APP_ID_URI (the add-in API's Application ID URI, api://<host>/<client id>) is not set");
  const serviceIds = [config.MicrosoftAppId, config.AZURE_CLIENT_ID, config.GRAPH_CLIENT_ID].filter(Boolean);
  if (config.ENTRA_CLIENT_ID && serviceIds.includes(config.ENTRA_CLIENT_ID)) {
    problems.push(
      "ENTRA_CLIENT_ID must be the add-in API's own app registration, not the service identity (bot / Graph): the API exposes delegated access_as_user only",
    );
  }
  if (config.PROVIDER_TENANT_ID === LOCAL_PROVIDER_TENANT)
    problems.push("PROVIDER_TENANT_ID (the partner's Entra tenant id, where staff sign in) is not set");
  for (const [name, url] of [
    ['ENTRA_JWKS_URL', config.ENTRA_JWKS_URL],
    ['OFFICE_JS_URL', config.OFFICE_JS_URL],
    ['GRAPH_BASE_URL', config.GRAPH_BASE_URL],
  ] as const) {
    if (url && !url.startsWith('https://')) problems.push(`${name} must be an https:// URL in production (got ${url})`);
  }
  // The service's Graph identity (mail and the SharePoint store): scoped, named, no legacy shared secret.
  const usesGraph = config.MAIL_MODE === 'graph' || config.STORE === 'sharepoint';
  if (usesGraph) problems.push(...serviceIdentityProblems(config));
  if (config.STORE === 'sharepoint' && !config.SHAREPOINT_SITE)
    problems.push('STORE=sharepoint needs SHAREPOINT_SITE (the one site the service identity holds Sites.Selected on)');
  if (config.MAIL_MODE === 'graph' && config.MAIL_SUPPORT_ADDRESS === LOCAL_SUPPORT_ADDRESS)
    problems.push('MAIL_SUPPORT_ADDRESS (the support mailbox in the Exchange management scope) is not set');
  return problems;
}

function serviceIdentityProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.GRAPH_CLIENT_SECRET || config.GRAPH_CLIENT_ID || config.GRAPH_TENANT_ID) {
    problems.push(
      'GRAPH_TENANT_ID/GRAPH_CLIENT_ID/GRAPH_CLIENT_SECRET (a shared secret on the old all-in-one app) are refused in production: use GRAPH_AUTH=managed-identity or certificate with AZURE_CLIENT_ID',
    );
  }
  switch (config.GRAPH_AUTH) {
    case 'managed-identity':
      if (!config.AZURE_CLIENT_ID)
        problems.push(
          'GRAPH_AUTH=managed-identity needs AZURE_CLIENT_ID (the user-assigned identity granted Sites.Selected and the Exchange role)',
        );
      break;
    case 'certificate':
      for (const name of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_CERTIFICATE_PATH'] as const)
        if (!config[name]) problems.push(`GRAPH_AUTH=certificate needs ${name}`);
      break;
    case 'secret':
      for (const name of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const)
        if (!config[name]) problems.push(`GRAPH_AUTH=secret needs ${name}`);
      break;
    default:
      problems.push(
        'GRAPH_AUTH (managed-identity, certificate or secret) is not set: MAIL_MODE=graph and STORE=sharepoint sign in to Graph as the service identity',
      );
  }
  return problems;
}

export class UnsafeProductionConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `refusing to start in production: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'UnsafeProductionConfigError';
  }
}

/** Throws UnsafeProductionConfigError naming every problem productionProblems finds. */
export function assertSafeForProduction(config: Config): void {
  const problems = productionProblems(config);
  if (problems.length > 0) throw new UnsafeProductionConfigError(problems);
}
