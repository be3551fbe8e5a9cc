/// <reference types="office-js" />
// The sign-in page's one dependency besides Office.js: MSAL's browser library (redirect flow).
// eslint-disable-next-line no-restricted-imports
import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { DialogMessage } from '../auth/dialog-token-provider';

/**
 * The Office dialog sign-in page (/addin/auth-dialog.html), for hosts without Nested App Authentication:
 * MSAL's redirect flow to Entra and back to this page, then the API token to the task pane through
 * Office.context.ui.messageParent. Runs on every load of the page (first visit and return from Entra).
 */
export async function runSignInDialog(deps: {
  office: typeof Office;
  msal: IPublicClientApplication;
  apiScope: string;
  show: (key: 'addin.sign-in.title' | 'addin.sign-in.done') => void;
}): Promise<void> {
  const { office, msal } = deps;
  const scopes = [deps.apiScope];
  const send = (message: DialogMessage) => office.context.ui.messageParent(JSON.stringify(message));
  const sendToken = (result: AuthenticationResult) => {
    deps.show('addin.sign-in.done');
    send({ accessToken: result.accessToken, expiresOn: (result.expiresOn ?? new Date(Date.now() + 3_600_000)).toISOString() });
  };
  deps.show('addin.sign-in.title');
  try {
    await msal.initialize();
    const returned = await msal.handleRedirectPromise();
    if (returned) return sendToken(returned);
    const account = msal.getAllAccounts()[0];
    if (account) {
      try {
        return sendToken(await msal.acquireTokenSilent({ scopes, account }));
      } catch {
        // Fall through to an interactive sign-in.
      }
    }
    await msal.acquireTokenRedirect({ scopes });
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) });
  }
}

/** The page's Office.js, once it has loaded (the global `Office`), and the user's Office display language. */
export async function connectSignInDialog(): Promise<{ office: typeof Office; displayLanguage: string | undefined }> {
  await Office.onReady();
  return { office: Office, displayLanguage: Office.context.displayLanguage };
}
