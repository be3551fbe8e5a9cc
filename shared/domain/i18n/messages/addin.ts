import type { MessageTable } from '../catalog';

/** The Outlook add-in's task pane (read and compose modes). */
export const ADDIN_MESSAGES = {
  'addin.title': { en: 'Support', 'es-MX': 'Soporte' },
  'addin.loading': { en: 'Loading…', 'es-MX': 'Cargando…' },
  'addin.working': { en: 'Working…', 'es-MX': 'Procesando…' },
  'addin.signed-in-as': { en: 'Signed in as {name} ({client})', 'es-MX': 'Sesión de {name} ({client})' },
  'addin.signed-in-staff': { en: 'Signed in as {name} (support staff)', 'es-MX': 'Sesión de {name} (equipo de soporte)' },
  'addin.sender.authorized': {
    en: '{email} is an authorized requester of {client}.',
    'es-MX': '{email} es solicitante autorizado de {client}.',
  },
  'addin.sender.unauthorized': {
    en: '{email} is not an authorized requester: support will not open a ticket for this sender. Ask your administrator to authorize them.',
    'es-MX':
      '{email} no es solicitante autorizado: soporte no abrirá un ticket para este remitente. Pida a su administrador que lo autorice.',
  },
  'addin.create.heading': { en: 'Create a ticket from this email', 'es-MX': 'Crear un ticket a partir de este correo' },
  'addin.create.subject': { en: 'Subject', 'es-MX': 'Asunto' },
  'addin.create.attachments': { en: 'Attachments', 'es-MX': 'Adjuntos' },
  'addin.create.no-attachments': { en: 'None', 'es-MX': 'Ninguno' },
  'addin.create.priority': { en: 'Priority', 'es-MX': 'Prioridad' },
  'addin.create.type': { en: 'Incident type', 'es-MX': 'Tipo de incidente' },
  'addin.create.description': { en: 'Description (optional)', 'es-MX': 'Descripción (opcional)' },
  'addin.create.submit': { en: 'Create ticket', 'es-MX': 'Crear ticket' },
  'addin.create.note': {
    en: 'The email stays the official record: it is tagged with the ticket and, if support did not receive it, a forward to support opens for you to send.',
    'es-MX':
      'El correo sigue siendo el registro oficial: se etiqueta con el ticket y, si soporte no lo recibió, se abre un reenvío a soporte para que usted lo envíe.',
  },
  'addin.created': { en: 'Ticket {number} created.', 'es-MX': 'Ticket {number} creado.' },
  'addin.created-existing': { en: 'This email already is ticket {number}.', 'es-MX': 'Este correo ya es el ticket {number}.' },
  'addin.forward-opened': {
    en: 'Send the forward that just opened so support receives the email.',
    'es-MX': 'Envíe el reenvío que se acaba de abrir para que soporte reciba el correo.',
  },
  'addin.ticket.heading': { en: 'Ticket {number}', 'es-MX': 'Ticket {number}' },
  'addin.ticket.status': { en: 'Status', 'es-MX': 'Estado' },
  'addin.ticket.priority': { en: 'Priority', 'es-MX': 'Prioridad' },
  'addin.ticket.type': { en: 'Incident type', 'es-MX': 'Tipo de incidente' },
  'addin.ticket.budget': { en: 'Budget: {consumed} of {budget} used', 'es-MX': 'Presupuesto: {consumed} de {budget} usados' },
  'addin.sla.response': { en: 'First response', 'es-MX': 'Primera respuesta' },
  'addin.sla.resolution': { en: 'Resolution', 'es-MX': 'Resolución' },
  'addin.sla.due-in': {
    en: '{state}: {remaining} of support hours left (due {due})',
    'es-MX': '{state}: quedan {remaining} en horario de soporte (vence {due})',
  },
  'addin.sla.overdue': {
    en: '{state}: {remaining} of support hours over (was due {due})',
    'es-MX': '{state}: {remaining} en horario de soporte de retraso (venció {due})',
  },
  'addin.sla.no-due': { en: '{state}', 'es-MX': '{state}' },
  'addin.duration.hm': { en: '{hours} h {minutes} min', 'es-MX': '{hours} h {minutes} min' },
  'addin.duration.m': { en: '{minutes} min', 'es-MX': '{minutes} min' },
  'addin.resolution.question': {
    en: 'Support marked this ticket resolved. Does the solution work for you?',
    'es-MX': 'Soporte marcó este ticket como resuelto. ¿La solución le funciona?',
  },
  'addin.resolution.confirm': { en: 'Confirm resolution', 'es-MX': 'Confirmar solución' },
  'addin.resolution.reject': { en: 'It is not solved', 'es-MX': 'No está resuelto' },
  'addin.resolution.reason': { en: 'What is still wrong? (optional)', 'es-MX': '¿Qué sigue fallando? (opcional)' },
  'addin.resolution.confirmed': { en: 'Thank you: the ticket is closed.', 'es-MX': 'Gracias: el ticket quedó cerrado.' },
  'addin.resolution.rejected': {
    en: 'The ticket was reopened; support will follow up.',
    'es-MX': 'El ticket se reabrió; soporte le dará seguimiento.',
  },
  'addin.extension.question': {
    en: 'Support asks for {minutes} more of the approved budget.',
    'es-MX': 'Soporte solicita {minutes} más del presupuesto aprobado.',
  },
  'addin.extension.approve': { en: 'Approve extension', 'es-MX': 'Aprobar ampliación' },
  'addin.extension.refuse': { en: 'Refuse', 'es-MX': 'Rechazar' },
  'addin.extension.approved': { en: 'Extension approved.', 'es-MX': 'Ampliación aprobada.' },
  'addin.extension.refused': { en: 'Extension refused.', 'es-MX': 'Ampliación rechazada.' },
  'addin.compose.report.heading': { en: 'Report to support', 'es-MX': 'Reportar a soporte' },
  'addin.compose.report.note': {
    en: 'Adds the support address and the priority and incident type to this email; send it as usual.',
    'es-MX': 'Agrega la dirección de soporte, la prioridad y el tipo de incidente a este correo; envíelo como de costumbre.',
  },
  'addin.compose.report.submit': { en: 'Prepare email for support', 'es-MX': 'Preparar correo para soporte' },
  'addin.compose.report.done': {
    en: 'Ready: the email goes to {address} as {priority} / {type}. Send it to raise the ticket.',
    'es-MX': 'Listo: el correo va a {address} como {priority} / {type}. Envíelo para levantar el ticket.',
  },
  'addin.compose.after-hours.heading': { en: 'Request after-hours attention', 'es-MX': 'Solicitar atención fuera de horario' },
  'addin.compose.after-hours.note': {
    en: 'After-hours attention must be requested in advance and is billed at the after-hours rate.',
    'es-MX': 'La atención fuera de horario debe solicitarse con anticipación y se factura con la tarifa fuera de horario.',
  },
  'addin.compose.after-hours.start': { en: 'From', 'es-MX': 'Desde' },
  'addin.compose.after-hours.end': { en: 'Until', 'es-MX': 'Hasta' },
  'addin.compose.after-hours.submit': { en: 'Add request to this email', 'es-MX': 'Agregar solicitud a este correo' },
  'addin.compose.after-hours.done': {
    en: 'Ready: the email requests attention from {start} to {end}. Send it to {address}.',
    'es-MX': 'Listo: el correo solicita atención de {start} a {end}. Envíelo a {address}.',
  },
  'addin.compose.after-hours.invalid': {
    en: 'The window must end after it starts, and start in the future.',
    'es-MX': 'El periodo debe terminar después de empezar, y empezar en el futuro.',
  },
  'addin.compose.unsupported': {
    en: 'This version of Outlook cannot add support headers (Mailbox 1.8 is required).',
    'es-MX': 'Esta versión de Outlook no puede agregar los encabezados de soporte (se requiere Mailbox 1.8).',
  },
  'addin.error.unauthenticated': {
    en: 'Your sign-in could not be verified. Close and reopen the pane.',
    'es-MX': 'No se pudo verificar su sesión. Cierre y vuelva a abrir el panel.',
  },
  'addin.error.forbidden': {
    en: 'Your account is not authorized to use support for this client.',
    'es-MX': 'Su cuenta no está autorizada para usar el soporte de este cliente.',
  },
  'addin.error.stale-version': {
    en: 'Someone changed this ticket meanwhile: it was reloaded, check it and try again.',
    'es-MX': 'Alguien cambió este ticket mientras tanto: se recargó, revíselo e intente de nuevo.',
  },
  'addin.error.invalid-transition': {
    en: "That is no longer possible in the ticket's current status.",
    'es-MX': 'Eso ya no es posible en el estado actual del ticket.',
  },
  'addin.error.validation': { en: 'Please check the form: {detail}', 'es-MX': 'Revise el formulario: {detail}' },
  'addin.error.conflict': {
    en: 'This email already belongs to another ticket.',
    'es-MX': 'Este correo ya pertenece a otro ticket.',
  },
  'addin.error.unauthorized-sender': {
    en: 'The sender is not an authorized requester.',
    'es-MX': 'El remitente no es solicitante autorizado.',
  },
  'addin.error.network': {
    en: 'Support could not be reached. Try again in a moment.',
    'es-MX': 'No se pudo contactar a soporte. Intente de nuevo en un momento.',
  },
  'addin.error.office': { en: 'Outlook refused the action: {detail}', 'es-MX': 'Outlook rechazó la acción: {detail}' },
  'addin.error.generic': { en: 'Something went wrong: {detail}', 'es-MX': 'Algo salió mal: {detail}' },
  'board.updated': {
    en: 'Open tickets, most urgent first; updated {at}',
    'es-MX': 'Tickets abiertos, los más urgentes primero; actualizado {at}',
  },
  'board.empty': { en: 'No open tickets.', 'es-MX': 'No hay tickets abiertos.' },
  'board.col.ticket': { en: 'Ticket', 'es-MX': 'Ticket' },
  'board.col.client': { en: 'Client', 'es-MX': 'Cliente' },
  'board.col.status': { en: 'Status', 'es-MX': 'Estado' },
  'board.col.priority': { en: 'Priority', 'es-MX': 'Prioridad' },
  'board.col.assignee': { en: 'Assignee', 'es-MX': 'Asignado a' },
  'board.col.response': { en: 'First response', 'es-MX': 'Primera respuesta' },
  'board.col.resolution': { en: 'Resolution', 'es-MX': 'Resolución' },
  'board.unassigned': { en: 'Unassigned', 'es-MX': 'Sin asignar' },
  'board.left': { en: '{state}, {remaining} left', 'es-MX': '{state}, quedan {remaining}' },
  'board.over': { en: '{state}, {remaining} over', 'es-MX': '{state}, {remaining} de retraso' },
  'board.counts': {
    en: '{breached} breached, {atRisk} at risk, {total} open',
    'es-MX': '{breached} incumplidos, {atRisk} en riesgo, {total} abiertos',
  },
} as const satisfies MessageTable;
