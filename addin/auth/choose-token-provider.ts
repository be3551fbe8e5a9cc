import { NoSignInAvailableError } from './sign-in-errors';
import type { TokenProvider } from './token-provider';

/** What the host can do for sign-in (addin/office reads it from Office's requirement sets). */
export interface SignInCapabilities {
  /** NestedAppAuth 1.1: the host brokers tokens (new Outlook, Outlook on the web, recent classic Outlook). */
  nestedAppAuth: boolean;
  /** DialogApi 1.1: Office.context.ui.displayDialogAsync, for the sign-in page fallback on older builds. */
  dialog: boolean;
}

export type SignInMethod = 'naa' | 'dialog' | 'none';

export function signInMethod(capabilities: SignInCapabilities): SignInMethod {
  if (capabilities.nestedAppAuth) return 'naa';
  if (capabilities.dialog) return 'dialog';
  return 'none';
}

/**
 * The token provider for Entra sign-in: Nested App Authentication where the host supports it, else the Office
 * dialog sign-in page; where neither works, every token request fails with NoSignInAvailableError (shown to the
 * user as a clear message, not a crash).
 */
export function chooseTokenProvider(
  capabilities: SignInCapabilities,
  factories: { naa: () => TokenProvider; dialog: () => TokenProvider },
): TokenProvider {
  switch (signInMethod(capabilities)) {
    case 'naa':
      return factories.naa();
    case 'dialog':
      return factories.dialog();
    case 'none':
      return { getToken: () => Promise.reject(new NoSignInAvailableError()) };
  }
}
