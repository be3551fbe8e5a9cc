// The add-in imports only shared/domain, with one exception: MSAL's browser library, which Nested App
// Authentication requires (issue 6). It is browser code with no Node dependency.
// eslint-disable-next-line no-restricted-imports
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TokenProvider } from './token-provider';

export interface NaaOptions {
  clientId: string;
  apiScope: string;
  /** MSAL's factory (tests pass a stand-in; the host's NAA bridge exists only inside Outlook and Teams). */
  createApp?: (configuration: Configuration) => Promise<IPublicClientApplication>;
}

/**
 * Production: Nested App Authentication. Outlook (or Teams) brokers the token for the API scope; silent
 * first, a popup only when Entra needs the user (consent, MFA).
 */
export function createNaaTokenProvider(options: NaaOptions): TokenProvider {
  const createApp = options.createApp ?? createNestablePublicClientApplication;
  let app: Promise<IPublicClientApplication> | undefined;
  const scopes = [options.apiScope];
  return {
    async getToken() {
      app ??= createApp({ auth: { clientId: options.clientId, authority: 'https://login.microsoftonline.com/common' } });
      const pca = await app;
      try {
        return (await pca.acquireTokenSilent({ scopes })).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        return (await pca.acquireTokenPopup({ scopes })).accessToken;
      }
    },
  };
}
