import { DialogSignInError } from './sign-in-errors';
import type { TokenProvider } from './token-provider';

/** What the sign-in dialog page sends back (Office.context.ui.messageParent), as JSON. */
export type DialogMessage = { accessToken: string; expiresOn: string } | { error: string };

/** Tokens are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface DialogTokenOptions {
  /** Opens the sign-in page in an Office dialog and resolves with the message it sends back (addin/office). */
  openDialog: () => Promise<string>;
  now: () => Date;
}

/** Parses the dialog page's message; anything else than a token is a DialogSignInError naming why. */
export function readDialogMessage(raw: string): { accessToken: string; expiresAt: number } {
  let message: Partial<{ accessToken: unknown; expiresOn: unknown; error: unknown }>;
  try {
    message = JSON.parse(raw) as typeof message;
  } catch {
    throw new DialogSignInError('the sign-in page sent an unreadable answer');
  }
  if (typeof message.error === 'string') throw new DialogSignInError(message.error);
  const expiresAt = typeof message.expiresOn === 'string' ? Date.parse(message.expiresOn) : NaN;
  if (typeof message.accessToken !== 'string' || message.accessToken === '' || Number.isNaN(expiresAt))
    throw new DialogSignInError('the sign-in page sent no token');
  return { accessToken: message.accessToken, expiresAt };
}

/**
 * The fallback where the host has no Nested App Authentication: a dialog opens /addin/auth-dialog.html, which
 * signs in with MSAL's redirect flow and sends the API token back. The token is kept until shortly before it
 * expires, so the dialog opens once per session; concurrent requests share one dialog.
 */
export function createDialogTokenProvider(options: DialogTokenOptions): TokenProvider {
  let current: { accessToken: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    async getToken() {
      if (current && current.expiresAt - RENEW_BEFORE_MS > options.now().getTime()) return current.accessToken;
      pending ??= options
        .openDialog()
        .then((raw) => {
          current = readDialogMessage(raw);
          return current.accessToken;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}
