import type { MessageTable } from '../catalog';

/** The add-in's sign-in fallbacks and the actions older Outlook builds cannot do. */
export const ADDIN_SIGN_IN_MESSAGES = {
  'addin.error.no-sign-in': {
    en: 'This version of Outlook cannot sign you in to Soporte (it supports neither Nested App Authentication nor Office dialogs). Update Outlook, or use Outlook on the web or the new Outlook; you can still email the support mailbox.',
    'es-MX':
      'Esta versión de Outlook no puede iniciar su sesión en Soporte (no admite la autenticación de aplicaciones anidadas ni los diálogos de Office). Actualice Outlook o use Outlook en la web o el nuevo Outlook; puede seguir escribiendo al buzón de soporte.',
  },
  'addin.error.dialog-sign-in': {
    en: 'Sign-in did not finish: {detail}. Open Soporte again to retry; if your browser blocks the window, allow pop-ups for this site.',
    'es-MX':
      'El inicio de sesión no terminó: {detail}. Abra Soporte de nuevo para reintentar; si su navegador bloquea la ventana, permita las ventanas emergentes para este sitio.',
  },
  'addin.error.forward-unsupported': {
    en: 'This version of Outlook cannot open the forward for you. Forward this email to {address} yourself so support receives it.',
    'es-MX':
      'Esta versión de Outlook no puede abrir el reenvío por usted. Reenvíe usted mismo este correo a {address} para que soporte lo reciba.',
  },
  'addin.sign-in.title': { en: 'Signing in to Soporte…', 'es-MX': 'Iniciando sesión en Soporte…' },
  'addin.sign-in.done': {
    en: 'Signed in. This window closes by itself.',
    'es-MX': 'Sesión iniciada. Esta ventana se cierra sola.',
  },
} as const satisfies MessageTable;
