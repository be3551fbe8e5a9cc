/// <reference types="office-js" />
import type { SignInCapabilities } from '../auth/choose-token-provider';
import { DialogSignInError } from '../auth/sign-in-errors';

/** Office's answer when the user closes the dialog (DialogEventReceived). */
const DIALOG_CLOSED_BY_USER = 12006;

/** Which sign-in the host supports, from its requirement sets. */
export function signInCapabilities(office: typeof Office): SignInCapabilities {
  const requirements = office.context.requirements;
  return {
    nestedAppAuth: requirements.isSetSupported('NestedAppAuth', '1.1'),
    dialog: requirements.isSetSupported('DialogApi', '1.1'),
  };
}

/**
 * Opens `url` (the sign-in page, same origin as the task pane) in an Office dialog and resolves with the first
 * message the page sends; rejects with DialogSignInError when the dialog cannot open or the user closes it.
 */
export function openSignInDialog(office: typeof Office, url: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (String(opened.status) !== 'succeeded') {
        reject(new DialogSignInError(`the dialog did not open (${opened.error?.message ?? 'unknown'})`));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        resolve('message' in arg ? arg.message : '');
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        const code = 'error' in arg ? arg.error : undefined;
        reject(
          new DialogSignInError(
            code === DIALOG_CLOSED_BY_USER ? 'the sign-in window was closed' : `the dialog failed (${String(code)})`,
          ),
        );
      });
    });
  });
}
