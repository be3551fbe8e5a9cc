// eslint-disable-next-line no-restricted-imports
import { PublicClientApplication } from '@azure/msal-browser';
import { resolveLocale, t } from '../shared/domain';
import { readAddinConfig } from './addin-config';
import { connectSignInDialog, runSignInDialog } from './office/auth-dialog-page';

/** Entry point of /addin/auth-dialog.html: wires Office.js, MSAL (redirect back to this page) and the config. */
async function main(): Promise<void> {
  const { office, displayLanguage } = await connectSignInDialog();
  const config = readAddinConfig(window.SOPORTE_CONFIG);
  if (config.authMode !== 'naa') throw new Error('the sign-in dialog is for Entra sign-in only');
  const locale = resolveLocale(displayLanguage ?? navigator.language);
  const root = document.getElementById('app')!;
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId!,
      authority: 'https://login.microsoftonline.com/organizations',
      redirectUri: `${window.location.origin}/addin/auth-dialog.html`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await runSignInDialog({
    office,
    msal,
    apiScope: config.apiScope!,
    show: (key) => {
      root.textContent = t(locale, key);
    },
  });
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `Soporte: ${error instanceof Error ? error.message : String(error)}`;
});
