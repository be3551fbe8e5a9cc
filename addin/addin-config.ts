import { definedOnly } from '../shared/domain/common';
/** The settings the server hands the task pane (GET /addin/config.js sets window.SOPORTE_CONFIG). */
export interface AddinConfig {
  /** Base URL of the API ('' = same origin). */
  apiBase: string;
  /** 'naa' in production (Nested App Authentication); 'local' uses development tokens. */
  authMode: 'naa' | 'local';
  /** Entra app registration of the add-in (naa). */
  clientId?: string;
  /** The API scope requested with NAA: api://<host>/<clientId>/access_as_user. */
  apiScope?: string;
  /** The support mailbox the compose actions address. */
  supportAddress: string;
}

export function readAddinConfig(value: unknown): AddinConfig {
  const c = (value ?? {}) as Partial<AddinConfig>;
  if (c.authMode !== 'naa' && c.authMode !== 'local') throw new Error('SOPORTE_CONFIG.authMode must be "naa" or "local"');
  if (!c.supportAddress) throw new Error('SOPORTE_CONFIG.supportAddress is required');
  if (c.authMode === 'naa' && (!c.clientId || !c.apiScope))
    throw new Error('SOPORTE_CONFIG.clientId and apiScope are required for NAA');
  return {
    apiBase: c.apiBase ?? '',
    authMode: c.authMode,
    ...definedOnly({ clientId: c.clientId, apiScope: c.apiScope }),
    supportAddress: c.supportAddress,
  };
}
