import type { MessageTable } from '../catalog';

/**
 * Emails to clients (one subject + body per MailKind) and the pieces they share. Bodies are plain
 * text; `{name}` placeholders are filled by shared/domain/mail/client-message.ts.
 */
export const MAIL_MESSAGES = {
  'mail.greeting.named': { en: 'Hello {name},', 'es-MX': 'Hola, {name}:' },
  'mail.greeting.anonymous': { en: 'Hello,', 'es-MX': 'Hola:' },
  'mail.signature': { en: 'Kind regards,\nThe support team', 'es-MX': 'Saludos cordiales,\nEl equipo de soporte' },
  'mail.keep-number': {
    en: 'Reply to this email to add anything; please keep {number} in the subject.',
    'es-MX': 'Responda a este correo para agregar cualquier dato; por favor conserve {number} en el asunto.',
  },
  'mail.no-subject': { en: '(no subject)', 'es-MX': '(sin asunto)' },
  'mail.minutes': { en: '{hours} h {minutes} min', 'es-MX': '{hours} h {minutes} min' },
  'mail.attachment-rejected': {
    en: 'The attachment "{filename}" ({size}) was not accepted: attachments may be at most {limit}. Please share it another way (for example a link).',
    'es-MX':
      'El archivo adjunto "{filename}" ({size}) no se aceptó: los adjuntos pueden medir como máximo {limit}. Por favor compártalo de otra forma (por ejemplo, un enlace).',
  },

  'mail.acknowledgement.subject': { en: 'Received: {subject}', 'es-MX': 'Recibido: {subject}' },
  'mail.acknowledgement.body': {
    en: 'We received your request and opened ticket {number}.\n\nPriority: {priority}\nIncident type: {type}\nFirst response by: {responseDue}',
    'es-MX':
      'Recibimos su solicitud y abrimos el ticket {number}.\n\nPrioridad: {priority}\nTipo de incidente: {type}\nPrimera respuesta a más tardar: {responseDue}',
  },
  'mail.acknowledgement.response-passed': {
    en: '{due}, a target that has already passed: your request is being handled first and our managers are alerted',
    'es-MX': '{due}, un plazo que ya venció: su solicitud se atiende en primer lugar y se alerta a nuestros gerentes',
  },
  'mail.acknowledgement.response-pending': { en: 'as set by the support policy', 'es-MX': 'según la política de soporte' },

  'mail.information-request.subject': { en: 'Information needed: {subject}', 'es-MX': 'Información requerida: {subject}' },
  'mail.information-request.body': {
    en: 'To continue with ticket {number} we need the following from you:\n\n{question}\n\nPlease reply to this email. While we wait for your answer the ticket is on hold.',
    'es-MX':
      'Para continuar con el ticket {number} necesitamos lo siguiente:\n\n{question}\n\nPor favor responda a este correo. Mientras esperamos su respuesta, el ticket queda en espera.',
  },

  'mail.contact-attempt.subject': {
    en: 'We are trying to reach you ({attempt} of {max}): {subject}',
    'es-MX': 'Intentamos contactarle ({attempt} de {max}): {subject}',
  },
  'mail.contact-attempt.body': {
    en: 'We are trying to reach you about ticket {number}. This is contact attempt {attempt} of {max}.\n\n{note}Please reply to this email so we can continue.',
    'es-MX':
      'Intentamos contactarle acerca del ticket {number}. Este es el intento de contacto {attempt} de {max}.\n\n{note}Por favor responda a este correo para que podamos continuar.',
  },

  'mail.final-notice.subject': { en: 'Final notice: {subject}', 'es-MX': 'Aviso final: {subject}' },
  'mail.final-notice.body': {
    en: 'We tried to reach you {attempts} times about ticket {number} without an answer.\n\nIf we hear nothing from you within {days} business days (by {closesAt}), the ticket will be closed for lack of response. A reply to this email keeps it open.',
    'es-MX':
      'Intentamos contactarle {attempts} veces acerca del ticket {number} sin obtener respuesta.\n\nSi no recibimos noticias suyas en {days} días hábiles (a más tardar {closesAt}), el ticket se cerrará por falta de respuesta. Responder a este correo lo mantiene abierto.',
  },
  'mail.final-notice.closes-pending': { en: 'the end of that period', 'es-MX': 'el final de ese plazo' },

  'mail.resolution.subject': { en: 'Resolved, please confirm: {subject}', 'es-MX': 'Resuelto, por favor confirme: {subject}' },
  'mail.resolution.body': {
    en: 'We resolved ticket {number}:\n\n{summary}\n\nPlease tell us whether it works for you:\n- reply "confirm" if the issue is solved: the ticket will be closed;\n- reply "not resolved" (and what still fails) if it is not: we will keep working on it.',
    'es-MX':
      'Resolvimos el ticket {number}:\n\n{summary}\n\nPor favor indíquenos si le funciona:\n- responda "confirmo" si el problema quedó resuelto: el ticket se cerrará;\n- responda "no resuelto" (y qué sigue fallando) si no es así: seguiremos trabajando en él.',
  },

  'mail.closure.subject': { en: 'Closed: {subject}', 'es-MX': 'Cerrado: {subject}' },
  'mail.closure.body.validated': {
    en: 'Ticket {number} is now closed: you confirmed the resolution. Thank you.',
    'es-MX': 'El ticket {number} quedó cerrado: usted confirmó la solución. Gracias.',
  },
  'mail.closure.body.no-response': {
    en: 'Ticket {number} is now closed: we received no answer after our contact attempts and the final notice.\n\nIf you still need help, just write to us: a new ticket will be opened and linked to this one.',
    'es-MX':
      'El ticket {number} quedó cerrado: no recibimos respuesta después de nuestros intentos de contacto y del aviso final.\n\nSi aún necesita ayuda, escríbanos: se abrirá un nuevo ticket vinculado a este.',
  },

  'mail.unauthorized-sender.subject': {
    en: 'Not registered as an authorized requester: {subject}',
    'es-MX': 'No registrado como solicitante autorizado: {subject}',
  },
  'mail.unauthorized-sender.body': {
    en: 'We received your message "{subject}", but {email} is not registered as an authorized requester, so no ticket was opened.\n\nSupport tickets can only be raised by the people your company has authorized. To be authorized, please ask {authorizers} to request it from us.',
    'es-MX':
      'Recibimos su mensaje "{subject}", pero {email} no está registrado como solicitante autorizado, por lo que no se abrió ningún ticket.\n\nSolo las personas que su empresa ha autorizado pueden levantar tickets de soporte. Para ser autorizado, pida por favor a {authorizers} que nos lo solicite.',
  },
  'mail.unauthorized-sender.authorizers-unknown': {
    en: 'the person responsible for the support contract at your company',
    'es-MX': 'la persona responsable del contrato de soporte en su empresa',
  },
  'mail.unauthorized-sender.kept-and-told': {
    en: "Your message has been kept, and the team that manages your company's support has been told.",
    'es-MX': 'Su mensaje se conservó y el equipo que atiende el soporte de su empresa ya fue notificado.',
  },
  'mail.unauthorized-sender.kept': {
    en: 'Your message has been kept: once you are authorized, we can take it up without your writing again.',
    'es-MX':
      'Su mensaje se conservó: una vez que usted esté autorizado, podremos atenderlo sin que tenga que escribirnos de nuevo.',
  },
  'mail.unauthorized-sender.or': { en: ' or ', 'es-MX': ' o ' },

  'mail.budget-extension-request.subject': {
    en: 'More time needed, your approval please: {subject}',
    'es-MX': 'Se requiere más tiempo, solicitamos su autorización: {subject}',
  },
  'mail.budget-extension-request.body': {
    en: 'Ticket {number} needs more time than its approved budget of {budget}.\n\nWe ask you to approve {extra} more: {reason}\n\nReply "approve" to approve it or "refuse" to refuse it. Work beyond the budget waits for your answer.',
    'es-MX':
      'El ticket {number} requiere más tiempo que su presupuesto aprobado de {budget}.\n\nLe solicitamos autorizar {extra} adicionales: {reason}\n\nResponda "autorizo" para aprobarlo o "rechazo" para rechazarlo. El trabajo más allá del presupuesto espera su respuesta.',
  },

  'mail.after-hours-decision.subject': { en: 'After-hours request {decision}', 'es-MX': 'Solicitud fuera de horario {decision}' },
  'mail.after-hours-decision.body': {
    en: 'Your request for attention outside support hours, from {start} to {end}, was {decision}.{reason}',
    'es-MX': 'Su solicitud de atención fuera del horario de soporte, del {start} al {end}, fue {decision}.{reason}',
  },
  'mail.after-hours-request.too-late': {
    en: 'attention outside support hours is arranged in advance, and this window had already begun when your request arrived. Please send a new request for a later window, or call us if it is critical.',
    'es-MX':
      'la atención fuera del horario de soporte se acuerda con anticipación, y esta ventana ya había comenzado cuando llegó su solicitud. Por favor envíe una nueva solicitud para una ventana posterior, o llámenos si es crítico.',
  },
  'mail.after-hours-decision.approved': { en: 'approved', 'es-MX': 'aprobada' },
  'mail.after-hours-decision.refused': { en: 'refused', 'es-MX': 'rechazada' },
  'mail.after-hours-decision.reason': { en: '\n\nReason: {reason}', 'es-MX': '\n\nMotivo: {reason}' },

  'mail.phone-email-reminder.subject': {
    en: 'Please confirm your phone request by email: {subject}',
    'es-MX': 'Por favor confirme por correo su solicitud telefónica: {subject}',
  },
  'mail.phone-email-reminder.body': {
    en: 'We logged your phone call as ticket {number} and are working on it.\n\nOur support policy requires every incident to exist as an email: please reply to this message confirming the request, keeping {number} in the subject.',
    'es-MX':
      'Registramos su llamada como el ticket {number} y estamos trabajando en ella.\n\nNuestra política de soporte requiere que todo incidente exista como correo electrónico: por favor responda a este mensaje confirmando la solicitud y conserve {number} en el asunto.',
  },

  'mail.email-reminder.subject': {
    en: 'Please send your request by email: {subject}',
    'es-MX': 'Por favor envíe su solicitud por correo: {subject}',
  },
  'mail.email-reminder.body': {
    en: 'We opened ticket {number} for your request and are working on it.\n\nOur support policy requires every incident to exist as an email: please reply to this message confirming the request, keeping {number} in the subject.',
    'es-MX':
      'Abrimos el ticket {number} para su solicitud y estamos trabajando en ella.\n\nNuestra política de soporte requiere que todo incidente exista como correo electrónico: por favor responda a este mensaje confirmando la solicitud y conserve {number} en el asunto.',
  },

  'mail.progress.subject': { en: 'Update: {subject}', 'es-MX': 'Actualización: {subject}' },
  'mail.progress.body': {
    en: 'An update on ticket {number}:\n\n{note}',
    'es-MX': 'Una actualización del ticket {number}:\n\n{note}',
  },

  'mail.daily-email.subject': { en: 'Daily status: {subject}', 'es-MX': 'Estado diario: {subject}' },
  'mail.daily-email.body': {
    en: 'Daily status of ticket {number}: {status}.\n\n{note}',
    'es-MX': 'Estado diario del ticket {number}: {status}.\n\n{note}',
  },
} as const satisfies MessageTable;
