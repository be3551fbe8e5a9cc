import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotIdentity } from './bot-identity';

/** Where adapter-level failures (a turn that threw past the bot's error mapper) are reported. */
export type TurnErrorSink = (
  error: unknown,
  activity: { type?: string | undefined; id?: string | undefined; conversationId?: string | undefined },
) => void;

function authOptions(identity: BotIdentity): Record<string, string | undefined> {
  switch (identity.mode) {
    case 'local':
      return {};
    case 'user-assigned-msi':
      return { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: identity.appId, MicrosoftAppTenantId: identity.tenantId };
    case 'single-tenant':
      return {
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: identity.appId,
        MicrosoftAppTenantId: identity.tenantId,
        MicrosoftAppPassword: identity.password,
        CertificateThumbprint: identity.certificateThumbprint,
        CertificatePrivateKey: identity.certificatePrivateKey,
      };
  }
}

/**
 * The CloudAdapter for `POST /api/messages`. In local mode (no app id) requests are not authenticated
 * and replies carry no token; otherwise botbuilder validates the Bot Service's JWT and signs replies.
 */
export function createCloudAdapter(identity: BotIdentity, onError: TurnErrorSink): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(identity)));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    onError(error, { type: context.activity.type, id: context.activity.id, conversationId: context.activity.conversation?.id });
  };
  return adapter;
}
