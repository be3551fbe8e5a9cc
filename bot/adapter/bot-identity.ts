import { definedOnly } from '../../shared/domain/index';
/** The bot's Microsoft Entra identity, or local mode (no identity, unauthenticated, never in production). */
export type BotIdentity =
  | { mode: 'local' }
  | {
      mode: 'single-tenant';
      appId: string;
      tenantId: string;
      password?: string;
      certificateThumbprint?: string;
      certificatePrivateKey?: string;
    }
  | { mode: 'user-assigned-msi'; appId: string; tenantId: string };

/** The settings bot/config.ts parses for the bot (names as Azure Bot Service and botbuilder use them). */
export interface BotIdentitySettings {
  NODE_ENV: string;
  MicrosoftAppType?: string | undefined;
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
  CertificateThumbprint?: string | undefined;
  CertificatePrivateKey?: string | undefined;
}

export class BotIdentityError extends Error {
  constructor(readonly missing: string[]) {
    super(`the Teams bot needs a bot identity: ${missing.join('; ')}`);
    this.name = 'BotIdentityError';
  }
}

/**
 * Local mode only with no app id outside production. Otherwise MicrosoftAppType must be SingleTenant
 * (app id, tenant id, and a password or certificate) or UserAssignedMSI (app id, tenant id); anything
 * missing is named in the error, and the server refuses to start.
 */
export function resolveBotIdentity(settings: BotIdentitySettings): BotIdentity {
  const production = settings.NODE_ENV === 'production';
  if (!production && !settings.MicrosoftAppId && !settings.MicrosoftAppType) return { mode: 'local' };
  const missing: string[] = [];
  const type = settings.MicrosoftAppType;
  if (type !== 'SingleTenant' && type !== 'UserAssignedMSI')
    missing.push(`MicrosoftAppType must be SingleTenant or UserAssignedMSI (got ${type ? `"${type}"` : 'nothing'})`);
  if (!settings.MicrosoftAppId) missing.push("MicrosoftAppId (the bot's Entra app or managed identity client id) is not set");
  if (!settings.MicrosoftAppTenantId) missing.push('MicrosoftAppTenantId (the Entra tenant id) is not set');
  const hasCertificate = Boolean(settings.CertificateThumbprint && settings.CertificatePrivateKey);
  if (type === 'SingleTenant' && !settings.MicrosoftAppPassword && !hasCertificate)
    missing.push('SingleTenant needs MicrosoftAppPassword or CertificateThumbprint + CertificatePrivateKey');
  if (missing.length > 0 || !settings.MicrosoftAppId || !settings.MicrosoftAppTenantId) throw new BotIdentityError(missing);
  if (type === 'UserAssignedMSI')
    return { mode: 'user-assigned-msi', appId: settings.MicrosoftAppId, tenantId: settings.MicrosoftAppTenantId };
  return {
    mode: 'single-tenant',
    appId: settings.MicrosoftAppId,
    tenantId: settings.MicrosoftAppTenantId,
    ...definedOnly({
      password: settings.MicrosoftAppPassword,
      certificateThumbprint: settings.CertificateThumbprint,
      certificatePrivateKey: settings.CertificatePrivateKey,
    }),
  };
}

/** The app id proactive messages are sent as ('' in local mode). */
export function botAppId(identity: BotIdentity): string {
  return identity.mode === 'local' ? '' : identity.appId;
}

/** How main.ts reports the bot's identity at start-up. */
export function describeBotIdentity(identity: BotIdentity): string {
  switch (identity.mode) {
    case 'local':
      return 'Teams bot: POST /api/messages in local mode (no app id: unauthenticated, for the Playground and tests; answers this machine only (loopback), whatever HOST is; refused in production)';
    case 'single-tenant':
      return `Teams bot: POST /api/messages as SingleTenant app ${identity.appId} (tenant ${identity.tenantId})`;
    case 'user-assigned-msi':
      return `Teams bot: POST /api/messages as user-assigned managed identity ${identity.appId} (tenant ${identity.tenantId})`;
  }
}
