import { messageKeys, t } from '../../../shared/domain/i18n';

/**
 * Spanish copy a client reads (emails, the Outlook add-in) addresses them as *usted*: no tú verb
 * forms, pronouns or possessives. Staff-facing copy (Teams, CLI) keeps its own register.
 */
const TU =
  /\b(tú|tu|tus|te|ti|contigo|tienes|puedes|quieres|necesitas|estás|eres|recibiste|enviaste|responde|escribe|envía|revisa|confirma|contesta|avísanos|indícanos|elige|selecciona|inténtalo|intenta|vuelve|pide|usa)\b/i;
const CLIENT_FACING = /^(mail|addin)\./;

test.each(messageKeys().filter((key) => CLIENT_FACING.test(key)))('%s speaks to the client as usted', (key) => {
  const text = t('es-MX', key);
  expect(text.match(TU)?.[0]).toBeUndefined();
});
