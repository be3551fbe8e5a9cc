import { resolve } from 'node:path';
import type { Server } from 'restify';
import type { Clock, IdGenerator, Store } from '../../shared/application/ports';
import type { Services } from '../services';
import { createAuth } from '../auth/create-auth';
import { registerAddinStatic } from './addin-static';
import { registerApiRoutes } from './register-api-routes';
import { createSlaReader } from './sla-reader';
import { definedOnly } from '../../shared/domain/index';

export interface ApiSettings {
  NODE_ENV: 'development' | 'test' | 'production';
  AUTH_MODE?: 'entra' | 'local' | undefined;
  ENTRA_CLIENT_ID?: string | undefined;
  ENTRA_APP_ID_URI?: string | undefined;
  PROVIDER_TENANT_ID: string;
  ENTRA_JWKS_URL: string;
  OFFICE_JS_URL: string;
  ADDIN_DIR: string;
}

/**
 * Registers the REST API (/api/v1) and the Outlook add-in (/addin/) on the server; returns start-up lines.
 * Auth mode: AUTH_MODE, or by default entra in production (when ENTRA_CLIENT_ID is set) and local elsewhere.
 */
export async function wireApi(
  server: Server,
  deps: { settings: ApiSettings; store: Store; clock: Clock; ids: IdGenerator; services: Services; supportAddress: string },
): Promise<string[]> {
  const { settings, store, clock, ids, services } = deps;
  const mode = settings.AUTH_MODE ?? (settings.NODE_ENV === 'production' ? 'entra' : 'local');
  if (mode === 'entra' && !settings.ENTRA_CLIENT_ID) return ['REST API and add-in: off (AUTH_MODE=entra needs ENTRA_CLIENT_ID)'];
  const auth = await createAuth(
    {
      mode,
      nodeEnv: settings.NODE_ENV,
      clientId: settings.ENTRA_CLIENT_ID,
      applicationIdUri: settings.ENTRA_APP_ID_URI,
      providerTenantId: settings.PROVIDER_TENANT_ID,
      jwksUrl: settings.ENTRA_JWKS_URL,
    },
    { directory: store.directory, clock },
  );
  registerApiRoutes(server, {
    commands: services.tickets.via('addin'),
    tickets: store.tickets,
    directory: store.directory,
    requesters: services.directory,
    queries: services.queries,
    dashboard: services.dashboard,
    clock,
    ids,
    authenticator: auth.authenticator,
    readSla: createSlaReader({ policies: services.policies, afterHours: store.afterHours }),
    devTokens: auth.devTokens,
    tenantOf: auth.devTokens?.tenantOf,
  });
  const clientId = settings.ENTRA_CLIENT_ID;
  registerAddinStatic(server, {
    dir: resolve(settings.ADDIN_DIR),
    officeJsUrl: settings.OFFICE_JS_URL,
    config:
      mode === 'entra'
        ? {
            apiBase: '',
            authMode: 'naa',
            ...definedOnly({ clientId }),
            apiScope: `${settings.ENTRA_APP_ID_URI ?? `api://${clientId}`}/access_as_user`,
            supportAddress: deps.supportAddress,
          }
        : { apiBase: '', authMode: 'local', supportAddress: deps.supportAddress },
  });
  return [
    `REST API: /api/v1 (${mode === 'entra' ? `Entra ID tokens for ${clientId}` : 'local development tokens: POST /api/v1/dev/token'})`,
    `Outlook add-in: /addin/taskpane.html from ${resolve(settings.ADDIN_DIR)} (build it with npm run build:addin)`,
  ];
}
