import type { MessageTable } from '../catalog';

/** Clients' replies on tickets as staff see them in Teams, and each person's language. */
export const REPLY_MESSAGES = {
  'bot.notify.clientReply': {
    en: '{from} replied on {number} ({subject}): {excerpt}',
    'es-MX': '{from} respondió en {number} ({subject}): {excerpt}',
  },
  'bot.clientReply.title': { en: '{from} replied on {number}', 'es-MX': '{from} respondió en {number}' },
  'bot.clientReply.empty': {
    en: '(no text: only quoted history or attachments)',
    'es-MX': '(sin texto: solo historial citado o adjuntos)',
  },
  'bot.clientReply.from': { en: 'From', 'es-MX': 'De' },
  'bot.clientReply.outcome': { en: 'Read as', 'es-MX': 'Se leyó como' },
  'bot.clientReply.outcome.recorded': {
    en: 'A reply (recorded on the ticket)',
    'es-MX': 'Una respuesta (registrada en el ticket)',
  },
  'bot.clientReply.outcome.needs-decision': { en: 'Neither a clear yes nor a clear no', 'es-MX': 'Ni un sí ni un no claros' },
  'bot.clientReply.outcome.validate': {
    en: 'The client confirmed the solution: ticket closed',
    'es-MX': 'El cliente confirmó la solución: ticket cerrado',
  },
  'bot.clientReply.outcome.reject-resolution': { en: 'Not solved: ticket reopened', 'es-MX': 'No se resolvió: ticket reabierto' },
  'bot.clientReply.outcome.approve-extension': { en: 'Budget extension approved', 'es-MX': 'Ampliación de presupuesto aprobada' },
  'bot.clientReply.outcome.refuse-extension': { en: 'Budget extension refused', 'es-MX': 'Ampliación de presupuesto rechazada' },
  'bot.clientReply.question': {
    en: "The ticket is resolved. Did the client confirm the solution? Your answer is recorded on the client's behalf, pointing at this message.",
    'es-MX':
      'El ticket está resuelto. ¿El cliente confirmó la solución? Tu respuesta se registra a nombre del cliente, con referencia a este mensaje.',
  },
  'bot.clientReply.confirm': { en: 'The client confirmed: close', 'es-MX': 'El cliente confirmó: cerrar' },
  'bot.clientReply.reopen': { en: 'Not solved: reopen', 'es-MX': 'No se resolvió: reabrir' },
  'bot.command.language.usage': { en: '{word} en|es|auto', 'es-MX': '{word} es|en|auto' },
  'bot.command.language.description': {
    en: 'The language I write to you in (replies, cards, alerts); auto follows your Teams client',
    'es-MX': 'El idioma en que te escribo (respuestas, tarjetas, avisos); auto sigue el de tu Teams',
  },
  'bot.language.set': {
    en: 'From now on I will write to you in English.',
    'es-MX': 'A partir de ahora te escribiré en español.',
  },
  'bot.language.auto': {
    en: 'From now on I will write to you in the language of your Teams client.',
    'es-MX': 'A partir de ahora te escribiré en el idioma de tu Teams.',
  },
  'bot.language.current.teams': {
    en: 'I write to you in English, the language of your Teams client. To choose: "language es" or "language en".',
    'es-MX': 'Te escribo en español, el idioma de tu Teams. Para elegir: "idioma en" o "idioma es".',
  },
  'bot.language.current.chosen': {
    en: 'I write to you in English, as you chose. "language auto" follows your Teams client again.',
    'es-MX': 'Te escribo en español, como elegiste. "idioma auto" vuelve a seguir el idioma de tu Teams.',
  },
  'mail.reopened.subject': { en: 'Reopened: {subject}', 'es-MX': 'Reabierto: {subject}' },
  'mail.reopened.body': {
    en: 'Thank you for letting us know that the problem is not solved. Ticket {number} is open again and we keep working on it; the solution is now due by {resolutionDue}.',
    'es-MX':
      'Gracias por avisarnos que el problema no quedó resuelto. El ticket {number} está abierto de nuevo y seguimos trabajando en él; ahora estimamos la solución a más tardar el {resolutionDue}.',
  },
  'mail.reopened.body-overdue': {
    en: 'Thank you for letting us know that the problem is not solved. Ticket {number} is open again and we keep working on it. The estimated solution time has already been used: your consultant will write to you shortly with a new estimate.',
    'es-MX':
      'Gracias por avisarnos que el problema no quedó resuelto. El ticket {number} está abierto de nuevo y seguimos trabajando en él. El tiempo estimado de solución ya se agotó: su consultor le escribirá en breve con una nueva estimación.',
  },
} as const satisfies MessageTable;
