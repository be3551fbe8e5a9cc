import type { MessageTable } from '../catalog';

/**
 * A consultant's working day: triage (priority, incident type, intake's priority suggestion), the first
 * response sent to the client (Respond, a phone call's note) and contact attempts paced by the policy.
 * Staff read tú; clients read usted.
 */
export const CONSULTANT_DAY_MESSAGES = {
  // Intake's priority suggestion
  'triage.signal.header': { en: 'header {name}: {value}', 'es-MX': 'encabezado {name}: {value}' },
  'triage.signal.subject': { en: '"{term}" in the subject', 'es-MX': '«{term}» en el asunto' },
  'triage.signal.body': { en: '"{term}" in the first lines', 'es-MX': '«{term}» en las primeras líneas' },
  'triage.suggestionApplied': { en: 'suggested priority applied ({reason})', 'es-MX': 'prioridad sugerida aplicada ({reason})' },

  // Ticket card: facts
  'bot.card.suggestedPriority': { en: 'Suggested priority', 'es-MX': 'Prioridad sugerida' },
  'bot.card.suggestedPriorityValue': { en: '{priority}: {reason}', 'es-MX': '{priority}: {reason}' },
  'bot.card.firstResponse': { en: 'First response', 'es-MX': 'Primera respuesta' },
  'bot.card.firstResponse.email': { en: '{at}, emailed to the client', 'es-MX': '{at}, enviada al cliente por correo' },
  'bot.card.firstResponse.phone': {
    en: '{at}, by phone (note emailed to the client)',
    'es-MX': '{at}, por teléfono (nota enviada al cliente por correo)',
  },
  'bot.card.firstResponse.other': { en: '{at}', 'es-MX': '{at}' },
  'bot.card.contactAttempts': { en: 'Contact attempts', 'es-MX': 'Intentos de contacto' },
  'bot.card.contactAttemptsValue': { en: '{made} of {max}', 'es-MX': '{made} de {max}' },
  'bot.card.nextAttemptAt': { en: 'Next attempt possible', 'es-MX': 'Próximo intento posible' },
  'bot.card.finalNoticeDue': { en: 'Final notice due', 'es-MX': 'Aviso final previsto' },
  'bot.card.alreadyReceived': {
    en: 'This action was already received: nothing was sent or billed twice.',
    'es-MX': 'Esta acción ya se había recibido: no se envió ni se cobró nada dos veces.',
  },

  // Ticket card: actions
  'bot.action.respond': { en: 'Respond', 'es-MX': 'Responder' },
  'bot.action.responseMessage': {
    en: 'Message to the client (emailed in their thread)',
    'es-MX': 'Mensaje para el cliente (se envía por correo en su hilo)',
  },
  'bot.action.respondByPhone': { en: 'Responded by phone', 'es-MX': 'Respondí por teléfono' },
  'bot.action.phoneNote': {
    en: 'What was said on the call (emailed to the client)',
    'es-MX': 'Lo que se habló en la llamada (se envía al cliente por correo)',
  },
  'bot.action.triage': { en: 'Triage', 'es-MX': 'Clasificar' },
  'bot.action.triagePriority': { en: 'Priority', 'es-MX': 'Prioridad' },
  'bot.action.triageType': { en: 'Incident type', 'es-MX': 'Tipo de incidente' },
  'bot.action.triageBudget': {
    en: "Budget in minutes (maintenance {maintenance}; research / debugging {research}; empty: the type's default)",
    'es-MX': 'Presupuesto en minutos (mantenimiento {maintenance}; investigación / depuración {research}; vacío: el del tipo)',
  },
  'bot.action.triageReason': { en: 'Why (kept in the audit trail)', 'es-MX': 'Motivo (queda en la bitácora)' },
  'bot.action.applySuggestedPriority': { en: 'Apply {priority}', 'es-MX': 'Aplicar {priority}' },
  'bot.queue.suggestion': { en: 'suggested {priority} ({reason})', 'es-MX': 'sugerida {priority} ({reason})' },

  // Notifications
  'bot.notify.contactAttemptDue': {
    en: 'Contact attempt {attempt} of {max} on {number} ({subject}) is due: the client has not answered the previous one.',
    'es-MX':
      'Ya toca el intento de contacto {attempt} de {max} del ticket {number} ({subject}): el cliente no respondió el anterior.',
  },

  // CLI
  'cli.ticketChanged': {
    en: '{number}: {status}, priority {priority}, {type}, budget {budget} min',
    'es-MX': '{number}: {status}, prioridad {priority}, {type}, presupuesto {budget} min',
  },

  // Client emails
  'mail.response.template': {
    en: 'Thank you for writing to us. We received your request "{subject}" (ticket {number}) and we are already reviewing it. We will keep you informed of our progress.',
    'es-MX':
      'Gracias por escribirnos. Recibimos su solicitud «{subject}» (ticket {number}) y ya la estamos revisando. Le mantendremos informado de nuestro avance.',
  },
  'mail.response.subject': { en: 'Re: {subject}', 'es-MX': 'RE: {subject}' },
  'mail.response.body': { en: '{note}', 'es-MX': '{note}' },
  'mail.phone-response.subject': { en: 'Summary of our call: {subject}', 'es-MX': 'Resumen de nuestra llamada: {subject}' },
  'mail.phone-response.body': {
    en: 'As we discussed by phone about ticket {number}:\n\n{note}\n\nIf anything here does not match what you told us, please reply to this email.',
    'es-MX':
      'Conforme a lo que conversamos por teléfono sobre el ticket {number}:\n\n{note}\n\nSi algo no corresponde a lo que nos indicó, le pedimos responder a este correo.',
  },
  'mail.triage.subject': { en: 'Priority {priority}: {subject}', 'es-MX': 'Prioridad {priority}: {subject}' },
  'mail.triage.body': {
    en: 'We reviewed ticket {number} and classified it as priority {priority}, {type}.',
    'es-MX': 'Revisamos el ticket {number} y lo clasificamos con prioridad {priority}, {type}.',
  },
  'mail.triage.response-due': { en: 'First response due by: {at}.', 'es-MX': 'Primera respuesta a más tardar: {at}.' },
  'mail.triage.resolution-due': {
    en: 'Estimated solution by: {at} (budget {budget}).',
    'es-MX': 'Solución estimada para: {at} (presupuesto {budget}).',
  },
} as const satisfies MessageTable;
