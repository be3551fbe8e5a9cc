import {
  InteractionRequiredAuthError,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { createNaaTokenProvider } from '../../addin/auth/naa-token-provider';

/** A stand-in for the brokered MSAL app: answers silently or asks for interaction, and records calls. */
function fakeApp(silent: () => Promise<string>, calls: string[]): IPublicClientApplication {
  const result = (accessToken: string) => ({ accessToken }) as AuthenticationResult;
  return {
    acquireTokenSilent: async (request: { scopes: string[] }) => {
      calls.push(`silent ${request.scopes.join(' ')}`);
      return result(await silent());
    },
    acquireTokenPopup: async (request: { scopes: string[] }) => {
      calls.push(`popup ${request.scopes.join(' ')}`);
      return result('popup-token');
    },
  } as unknown as IPublicClientApplication;
}

const SCOPE = 'api://soporte.contoso.com/c0ffee00-0000-4000-8000-000000000001/access_as_user';

describe('Nested App Authentication token provider', () => {
  it('creates the app once with the client id and gets tokens silently', async () => {
    const calls: string[] = [];
    const configs: Configuration[] = [];
    const provider = createNaaTokenProvider({
      clientId: 'c0ffee00',
      apiScope: SCOPE,
      createApp: async (c) => {
        configs.push(c);
        return fakeApp(async () => 'silent-token', calls);
      },
    });
    expect(await provider.getToken()).toBe('silent-token');
    expect(await provider.getToken()).toBe('silent-token');
    expect(configs).toEqual([{ auth: { clientId: 'c0ffee00', authority: 'https://login.microsoftonline.com/common' } }]);
    expect(calls).toEqual([`silent ${SCOPE}`, `silent ${SCOPE}`]);
  });

  it('falls back to a popup only when Entra needs the user', async () => {
    const calls: string[] = [];
    const provider = createNaaTokenProvider({
      clientId: 'c',
      apiScope: SCOPE,
      createApp: async () =>
        fakeApp(async () => {
          throw new InteractionRequiredAuthError('consent_required', 'test-correlation');
        }, calls),
    });
    expect(await provider.getToken()).toBe('popup-token');
    expect(calls).toEqual([`silent ${SCOPE}`, `popup ${SCOPE}`]);
  });

  it('lets any other failure through', async () => {
    const calls: string[] = [];
    const provider = createNaaTokenProvider({
      clientId: 'c',
      apiScope: SCOPE,
      createApp: async () =>
        fakeApp(async () => {
          throw new Error('broker unavailable');
        }, calls),
    });
    await expect(provider.getToken()).rejects.toThrow('broker unavailable');
    expect(calls).toEqual([`silent ${SCOPE}`]);
  });
});
