/// <reference types="office-js" />
import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import { OfficeMockObject } from 'office-addin-mock';
import { chooseTokenProvider } from '../../addin/auth/choose-token-provider';
import { createDialogTokenProvider } from '../../addin/auth/dialog-token-provider';
import { DialogSignInError, NoSignInAvailableError } from '../../addin/auth/sign-in-errors';
import { describeError } from '../../addin/describe-error';
import { runSignInDialog } from '../../addin/office/auth-dialog-page';
import { openSignInDialog, signInCapabilities } from '../../addin/office/office-sign-in';
import { t } from '../../shared/domain';

type Handler = (arg: { message?: string; error?: number }) => void;

/** An Outlook whose requirement sets are `supported`, with a dialog that records what the add-in did. */
function outlook(
  supported: Record<string, string>,
  dialog: { opened: string[]; closed: number; handlers: Record<string, Handler>; parentMessages: string[]; fail?: boolean } = {
    opened: [],
    closed: 0,
    handlers: {},
    parentMessages: [],
  },
) {
  const mock = new OfficeMockObject({
    host: 'outlook',
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name in supported && Number(version) <= Number(supported[name]),
      },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
          dialog.opened.push(url);
          if (dialog.fail) return callback({ status: 'failed', error: { code: 12007, message: 'a dialog is already open' } });
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: Handler) => {
                dialog.handlers[type] = handler;
              },
              close: () => {
                dialog.closed += 1;
              },
            },
          });
        },
        messageParent: (message: string) => {
          dialog.parentMessages.push(message);
        },
      },
    },
  });
  return { office: mock as unknown as typeof Office, dialog };
}

const token = (accessToken: string) => ({ getToken: async () => accessToken });

describe('add-in sign-in on hosts with and without Nested App Authentication', () => {
  it('uses NAA where NestedAppAuth 1.1 is supported, the Office dialog where only DialogApi is, and a clear message where neither is', async () => {
    const factories = { naa: () => token('naa-token'), dialog: () => token('dialog-token') };
    const newOutlook = signInCapabilities(outlook({ NestedAppAuth: '1.1', DialogApi: '1.2', Mailbox: '1.14' }).office);
    expect(newOutlook).toEqual({ nestedAppAuth: true, dialog: true });
    expect(await chooseTokenProvider(newOutlook, factories).getToken()).toBe('naa-token');

    const olderOutlook = signInCapabilities(outlook({ DialogApi: '1.2', Mailbox: '1.8' }).office);
    expect(olderOutlook).toEqual({ nestedAppAuth: false, dialog: true });
    expect(await chooseTokenProvider(olderOutlook, factories).getToken()).toBe('dialog-token');

    const neither = chooseTokenProvider(signInCapabilities(outlook({ Mailbox: '1.3' }).office), factories);
    const error = await neither.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSignInAvailableError);
    const flash = describeError(error);
    expect(flash.key).toBe('addin.error.no-sign-in');
    expect(t('en', flash.key)).toMatch(
      /^This version of Outlook cannot sign you in to Soporte .* Update Outlook, or use Outlook on the web or the new Outlook/,
    );
    expect(t('es-MX', flash.key)).toMatch(/^Esta versión de Outlook no puede iniciar su sesión en Soporte/);
  });

  it('opens the sign-in page in an Office dialog and takes the token it sends back, once per session', async () => {
    const { office, dialog } = outlook({ DialogApi: '1.2' });
    let now = new Date('2026-03-02T15:00:00Z');
    const provider = createDialogTokenProvider({
      openDialog: () => openSignInDialog(office, 'https://soporte.contoso.com/addin/auth-dialog.html'),
      now: () => now,
    });
    const first = provider.getToken();
    const concurrent = provider.getToken();
    dialog.handlers.dialogMessageReceived!({
      message: JSON.stringify({ accessToken: 'api-token-1', expiresOn: '2026-03-02T16:00:00Z' }),
    });
    expect(await first).toBe('api-token-1');
    expect(await concurrent).toBe('api-token-1');
    expect(dialog.opened).toEqual(['https://soporte.contoso.com/addin/auth-dialog.html']);
    expect(dialog.closed).toBe(1);
    now = new Date('2026-03-02T15:50:00Z');
    expect(await provider.getToken()).toBe('api-token-1');
    // Five minutes before expiry the dialog opens again.
    now = new Date('2026-03-02T15:56:00Z');
    const renewed = provider.getToken();
    dialog.handlers.dialogMessageReceived!({
      message: JSON.stringify({ accessToken: 'api-token-2', expiresOn: '2026-03-02T17:00:00Z' }),
    });
    expect(await renewed).toBe('api-token-2');
    expect(dialog.opened).toHaveLength(2);
  });

  it('reports a closed dialog, a refused sign-in and a dialog that cannot open, and retries on the next request', async () => {
    const { office, dialog } = outlook({ DialogApi: '1.2' });
    const provider = createDialogTokenProvider({
      openDialog: () => openSignInDialog(office, 'https://soporte.contoso.com/addin/auth-dialog.html'),
      now: () => new Date('2026-03-02T15:00:00Z'),
    });
    const closed = provider.getToken();
    dialog.handlers.dialogEventReceived!({ error: 12006 });
    await expect(closed).rejects.toThrow(new DialogSignInError('the sign-in window was closed'));
    const refused = provider.getToken();
    dialog.handlers.dialogMessageReceived!({ message: JSON.stringify({ error: 'AADSTS65001: consent required' }) });
    const error = await refused.catch((e: unknown) => e);
    expect(describeError(error)).toEqual({
      kind: 'error',
      key: 'addin.error.dialog-sign-in',
      params: { detail: 'AADSTS65001: consent required' },
    });
    dialog.fail = true;
    await expect(provider.getToken()).rejects.toThrow(/the dialog did not open \(a dialog is already open\)/);
    expect(dialog.opened).toHaveLength(3);
  });
});

describe('the dialog sign-in page (/addin/auth-dialog.html)', () => {
  const SCOPE = 'api://soporte.contoso.com/c0ffee00/access_as_user';
  function fakeMsal(
    redirectResult: AuthenticationResult | null,
    accounts: unknown[] = [],
    calls: string[] = [],
  ): IPublicClientApplication {
    return {
      initialize: async () => {
        calls.push('initialize');
      },
      handleRedirectPromise: async () => {
        calls.push('handleRedirectPromise');
        return redirectResult;
      },
      getAllAccounts: () => accounts,
      acquireTokenSilent: async (request: { scopes: string[] }) => {
        calls.push(`silent ${request.scopes.join(' ')}`);
        throw new Error('interaction_required');
      },
      acquireTokenRedirect: async (request: { scopes: string[] }) => {
        calls.push(`redirect ${request.scopes.join(' ')}`);
      },
    } as unknown as IPublicClientApplication;
  }

  it('sends the token back to the task pane when Entra redirects to it', async () => {
    const { office, dialog } = outlook({ DialogApi: '1.2' });
    const shown: string[] = [];
    const result = { accessToken: 'api-token', expiresOn: new Date('2026-03-02T16:00:00Z') } as AuthenticationResult;
    await runSignInDialog({ office, msal: fakeMsal(result), apiScope: SCOPE, show: (key) => shown.push(key) });
    expect(dialog.parentMessages.map((m) => JSON.parse(m))).toEqual([
      { accessToken: 'api-token', expiresOn: '2026-03-02T16:00:00.000Z' },
    ]);
    expect(shown).toEqual(['addin.sign-in.title', 'addin.sign-in.done']);
  });

  it('starts the redirect to Entra for the API scope on the first visit (silent first when an account is cached)', async () => {
    const { office, dialog } = outlook({ DialogApi: '1.2' });
    const calls: string[] = [];
    await runSignInDialog({
      office,
      msal: fakeMsal(null, [{ username: 'ana@acme.example' }], calls),
      apiScope: SCOPE,
      show: () => undefined,
    });
    expect(calls).toEqual(['initialize', 'handleRedirectPromise', `silent ${SCOPE}`, `redirect ${SCOPE}`]);
    expect(dialog.parentMessages).toEqual([]);
  });

  it('sends the failure to the task pane rather than leaving the dialog hanging', async () => {
    const { office, dialog } = outlook({ DialogApi: '1.2' });
    const msal = {
      ...fakeMsal(null),
      handleRedirectPromise: async () => {
        throw new Error('AADSTS50011: redirect URI mismatch');
      },
    } as unknown as IPublicClientApplication;
    await runSignInDialog({ office, msal, apiScope: SCOPE, show: () => undefined });
    expect(dialog.parentMessages.map((m) => JSON.parse(m))).toEqual([{ error: 'AADSTS50011: redirect URI mismatch' }]);
  });
});
