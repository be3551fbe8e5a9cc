import { readAddinConfig } from './addin-config';
import { createApiClient } from './api/api-client';
import type { ComposeAction } from './app-state';
import { createDevTokenProvider } from './auth/dev-token-provider';
import { chooseTokenProvider } from './auth/choose-token-provider';
import { createDialogTokenProvider } from './auth/dialog-token-provider';
import { createNaaTokenProvider } from './auth/naa-token-provider';
import { mount } from './dom-mount';
import { connectToOutlook } from './office/office-mail-host';
import { officeGlobal } from './office/office-global';
import { openSignInDialog, signInCapabilities } from './office/office-sign-in';
import { TaskPaneController } from './taskpane-controller';

declare global {
  interface Window {
    SOPORTE_CONFIG?: unknown;
  }
}

/** Entry point of the task pane: wires Outlook (addin/office), auth, the API and the DOM. */
async function main(): Promise<void> {
  const host = await connectToOutlook();
  const config = readAddinConfig(window.SOPORTE_CONFIG);
  const boundFetch = window.fetch.bind(window);
  // Entra sign-in: Nested App Authentication (NestedAppAuth 1.1), else the Office dialog sign-in page (DialogApi 1.1),
  // else a clear message on every action that needs the API.
  const tokens =
    config.authMode === 'naa'
      ? chooseTokenProvider(signInCapabilities(officeGlobal()), {
          naa: () => createNaaTokenProvider({ clientId: config.clientId!, apiScope: config.apiScope! }),
          dialog: () =>
            createDialogTokenProvider({
              openDialog: () => openSignInDialog(officeGlobal(), `${window.location.origin}/addin/auth-dialog.html`),
              now: () => new Date(),
            }),
        })
      : createDevTokenProvider({ apiBase: config.apiBase, email: host.user().email, fetch: boundFetch });
  const api = createApiClient({ apiBase: config.apiBase, tokens, fetch: boundFetch });
  const composeAction: ComposeAction =
    new URLSearchParams(window.location.search).get('action') === 'after-hours' ? 'after-hours' : 'report';
  const root = document.getElementById('app')!;
  const render = mount(root, (action) => void controller.dispatch(action));
  const controller = new TaskPaneController({
    host,
    api,
    supportAddress: config.supportAddress,
    composeAction,
    now: () => new Date(),
    onChange: render,
  });
  await controller.start();
  // Keep the SLA countdown current while the pane is open.
  window.setInterval(() => void controller.dispatch({ type: 'refresh' }), 60_000);
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `Soporte: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
