// The add-in imports only shared/domain, with one exception: MSAL's browser library, which Nested App
// Authentication requires (issue 6). It is browser code with no Node dependency.
// eslint-disable-next-line no-restricted-imports
import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from './token-provider';

/**
 * Production: Nested App Authentication. Outlook brokers the token for the API scope; silent first,
 * a popup only when Entra needs the user (consent, MFA).
 */
export function createNaaTokenProvider(options: { clientId: string; apiScope: string }): TokenProvider {
  let app: Promise<IPublicClientApplication> | undefined;
  const scopes = [options.apiScope];
  return {
    async getToken() {
      app ??= createNestablePublicClientApplication({ auth: { clientId: options.clientId, authority: 'https://login.microsoftonline.com/common' } });
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
