import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_BODY_LIMITS } from './request-body';
import { SENDER_AUTHENTICATION_POLICIES } from '../shared/domain/mail/sender-authentication';

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
  MAIL_SUPPORT_ADDRESS: z.email().default('soporte@soporte.local'),
  MAIL_FROM_NAME: z.string().min(1).default('Soporte'),
  /** How often the mailbox is read. */
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Attachments larger than this are refused (the client is told in the acknowledgement). */
  MAIL_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  /**
   * Mail whose sender Exchange could not authenticate (dmarc=fail, spf=fail without dkim=pass, compauth=fail):
   * reject, quarantine or accept. Default: the policy's mail.senderAuthentication (quarantine).
   */
  MAIL_SENDER_AUTHENTICATION: z.enum(SENDER_AUTHENTICATION_POLICIES).optional(),
  /** MAIL_MODE=graph: consultants' mailboxes (comma-separated) whose flagged messages become tickets. */
  GRAPH_CONSULTANT_MAILBOXES: z.string().default('').transform((list) => list.split(',').map((s) => s.trim()).filter(Boolean)),
  /** Microsoft Graph app registration (client credentials) and origin (default https://graph.microsoft.com). */
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_BASE_URL: z.url().optional(),
  /** MAIL_MODE=graph: the clientState of the Inbox change-notification subscription; enables POST /api/mail/notifications. */
  GRAPH_NOTIFICATION_CLIENT_STATE: z.string().min(16).optional(),
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
  /** STORE=sharepoint: how the app signs in to Graph; secret and certificate need AZURE_TENANT_ID and AZURE_CLIENT_ID. */
  GRAPH_AUTH: z.enum(['secret', 'certificate', 'managed-identity']).optional(),
  AZURE_TENANT_ID: z.string().min(1).optional(),
  /** The app registration (secret, certificate) or the user-assigned managed identity. */
  AZURE_CLIENT_ID: z.string().min(1).optional(),
  AZURE_CLIENT_SECRET: z.string().min(1).optional(),
  /** PEM file with the certificate and its private key. */
  AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
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
export type Config = Omit<RawConfig, 'SEED_DEMO' | 'INSTANCE_ID' | 'TEST_CLOCK_START'> & { SEED_DEMO: boolean; INSTANCE_ID: string; TEST_CLOCK_START?: Date };

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const { TEST_CLOCK_START, ...raw } = result.data;
  if (TEST_CLOCK_START && raw.NODE_ENV !== 'test') throw new Error('invalid configuration: TEST_CLOCK_START is honoured only with NODE_ENV=test');
  if (raw.TEST_CRASH_AT && raw.NODE_ENV !== 'test') throw new Error('invalid configuration: TEST_CRASH_AT is honoured only with NODE_ENV=test');
  return {
    ...raw,
    ...(TEST_CLOCK_START ? { TEST_CLOCK_START: new Date(TEST_CLOCK_START) } : {}),
    // Production never seeds, whatever SEED_DEMO says.
    SEED_DEMO: raw.NODE_ENV !== 'production' && (raw.SEED_DEMO ?? true),
    INSTANCE_ID: raw.INSTANCE_ID ?? `${hostname()}:${process.pid}`,
  };
}
