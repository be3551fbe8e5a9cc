import type { MessageTable } from '../catalog';

/** The Teams bot: replies, card labels, notifications. */
export const BOT_MESSAGES = {
  // Conversation
  'bot.notRegistered': {
    en: 'You are not registered in Soporte. Ask a Soporte manager to add you as staff with your Microsoft Entra account.',
    'es-MX':
      'No estás registrado en Soporte. Pide a un gerente de Soporte que te dé de alta como personal con tu cuenta de Microsoft Entra.',
  },
  'bot.greeting.personal': {
    en: 'Hi {name}, I am Soporte. Type "{help}" to see what I can do.',
    'es-MX': 'Hola {name}, soy Soporte. Escribe "{help}" para ver lo que puedo hacer.',
  },
  'bot.greeting.channel': {
    en: 'Soporte is installed in this channel: SLA alerts and the daily digest will be posted here.',
    'es-MX': 'Soporte quedó instalado en este canal: aquí se publicarán las alertas de SLA y el resumen diario.',
  },
  'bot.greeting.channelKept': {
    en: 'Soporte is installed here, but SLA alerts stay in the channel where they are posted now: only a Soporte manager can move them by installing the bot in another channel.',
    'es-MX':
      'Soporte quedó instalado aquí, pero las alertas de SLA siguen en el canal donde se publican ahora: solo un gerente de Soporte puede moverlas instalando el bot en otro canal.',
  },
  'bot.unknownCommand': {
    en: 'I do not know the command "{word}". Type "help" to see the commands.',
    'es-MX': 'No conozco el comando "{word}". Escribe "ayuda" para ver los comandos.',
  },
  'bot.emptyMessage': { en: 'Type "{help}" to see the commands.', 'es-MX': 'Escribe "{help}" para ver los comandos.' },
  'bot.usage': { en: 'Usage: {usage}', 'es-MX': 'Uso: {usage}' },
  'bot.help.title': { en: 'Soporte commands', 'es-MX': 'Comandos de Soporte' },
  'bot.help.intro': { en: 'Hi {name}. Write one of these:', 'es-MX': 'Hola {name}. Escribe uno de estos:' },
  'bot.command.help.usage': { en: '{word}', 'es-MX': '{word}' },
  'bot.command.help.description': { en: 'This list', 'es-MX': 'Esta lista' },
  'bot.command.queue.usage': { en: '{word}', 'es-MX': '{word}' },
  'bot.command.queue.description': {
    en: 'New and unassigned tickets, most urgent SLA first',
    'es-MX': 'Tickets nuevos y sin asignar, el SLA más urgente primero',
  },
  'bot.command.mine.usage': { en: '{word}', 'es-MX': '{word}' },
  'bot.command.mine.description': { en: 'Open tickets assigned to me', 'es-MX': 'Tickets abiertos asignados a mí' },
  'bot.command.ticket.usage': { en: '{word} <number>', 'es-MX': '{word} <número>' },
  'bot.command.ticket.description': {
    en: 'A ticket card with its actions (SUP-2026-0042, or 42 for this year)',
    'es-MX': 'La tarjeta de un ticket con sus acciones (SUP-2026-0042, o 42 para este año)',
  },
  'bot.command.new.usage': { en: '{word}', 'es-MX': '{word}' },
  'bot.command.new.description': {
    en: 'Log a critical phone call as a ticket',
    'es-MX': 'Registrar una llamada crítica como ticket',
  },
  'bot.command.sla.usage': { en: '{word} <number>', 'es-MX': '{word} <número>' },
  'bot.command.sla.description': {
    en: 'Explain the SLA clocks of a ticket',
    'es-MX': 'Explicar los relojes de SLA de un ticket',
  },
  'bot.command.hours.usage': { en: '{word} <client> [YYYY-MM]', 'es-MX': '{word} <cliente> [AAAA-MM]' },
  'bot.command.hours.description': {
    en: 'Billed hours of a client for a month (this month by default)',
    'es-MX': 'Horas facturadas de un cliente en un mes (por omisión, este mes)',
  },

  // Errors (the one error mapper)
  'bot.error.conflict': {
    en: 'This ticket was changed by someone else meanwhile. Here is the current version; please try again.',
    'es-MX': 'Alguien más cambió este ticket mientras tanto. Esta es la versión actual; inténtalo de nuevo.',
  },
  'bot.error.notAuthorized': {
    en: 'You are not allowed to do that ({detail}).',
    'es-MX': 'No tienes permiso para hacer eso ({detail}).',
  },
  'bot.error.validation': { en: 'Please check "{field}": {detail}', 'es-MX': 'Revisa "{field}": {detail}' },
  'bot.error.notFound': { en: 'No {entity} "{key}" was found.', 'es-MX': 'No se encontró {entity} "{key}".' },
  'bot.error.invalidTransition': {
    en: 'A ticket that is "{status}" cannot take this action.',
    'es-MX': 'Un ticket en estado "{status}" no admite esta acción.',
  },
  'bot.error.domain': { en: 'That was refused: {detail}', 'es-MX': 'Se rechazó: {detail}' },
  'bot.error.unexpected': {
    en: 'Something went wrong on our side. It has been logged; please try again in a moment.',
    'es-MX': 'Algo falló de nuestro lado. Quedó registrado; inténtalo de nuevo en un momento.',
  },
  'bot.entity.ticket': { en: 'ticket', 'es-MX': 'el ticket' },
  'bot.entity.client': { en: 'client', 'es-MX': 'el cliente' },
  'bot.entity.staff': { en: 'staff member', 'es-MX': 'el miembro del personal' },

  // Durations and SLA lines
  'bot.duration.minutes': { en: '{minutes} min', 'es-MX': '{minutes} min' },
  'bot.duration.hours': { en: '{hours} h', 'es-MX': '{hours} h' },
  'bot.duration.hoursMinutes': { en: '{hours} h {minutes} min', 'es-MX': '{hours} h {minutes} min' },
  'bot.sla.stateDue': { en: '{state} · due {due}', 'es-MX': '{state} · vence {due}' },
  'bot.clock.response': { en: 'response', 'es-MX': 'respuesta' },
  'bot.clock.resolution': { en: 'resolution', 'es-MX': 'resolución' },

  // Ticket card
  'bot.card.client': { en: 'Client', 'es-MX': 'Cliente' },
  'bot.card.requester': { en: 'Requester', 'es-MX': 'Solicitante' },
  'bot.card.attachments': { en: 'Attachments: {files}', 'es-MX': 'Adjuntos: {files}' },
  'bot.card.latestClientMessage': { en: 'Latest client message, {at}', 'es-MX': 'Último mensaje del cliente, {at}' },
  'bot.action.caseNumber': { en: 'Microsoft case number', 'es-MX': 'Número de caso de Microsoft' },
  'bot.action.recordMicrosoftCase': { en: 'Record Microsoft case', 'es-MX': 'Registrar caso de Microsoft' },
  'bot.action.changeMicrosoftCase': { en: 'Change Microsoft case', 'es-MX': 'Cambiar caso de Microsoft' },
  'bot.card.status': { en: 'Status', 'es-MX': 'Estado' },
  'bot.card.priority': { en: 'Priority', 'es-MX': 'Prioridad' },
  'bot.card.type': { en: 'Type', 'es-MX': 'Tipo' },
  'bot.card.level': { en: 'Level', 'es-MX': 'Nivel' },
  'bot.card.assignee': { en: 'Assignee', 'es-MX': 'Asignado a' },
  'bot.card.unassigned': { en: 'Unassigned', 'es-MX': 'Sin asignar' },
  'bot.card.responseSla': { en: 'Response SLA', 'es-MX': 'SLA de respuesta' },
  'bot.card.resolutionSla': { en: 'Resolution SLA', 'es-MX': 'SLA de resolución' },
  'bot.card.budget': { en: 'Budget used', 'es-MX': 'Presupuesto usado' },
  'bot.card.budgetUsed': { en: '{used} of {budget} ({percent}%)', 'es-MX': '{used} de {budget} ({percent}%)' },
  'bot.card.lastActivity': { en: 'Last activity', 'es-MX': 'Última actividad' },
  'bot.card.microsoftCase': { en: 'Microsoft case', 'es-MX': 'Caso de Microsoft' },
  'bot.card.pendingExtension': { en: 'Budget extension', 'es-MX': 'Ampliación de presupuesto' },
  'bot.card.pendingExtensionValue': {
    en: '+{minutes} requested, awaiting the client',
    'es-MX': '+{minutes} solicitados, en espera del cliente',
  },
  'bot.card.required': { en: 'This field is required.', 'es-MX': 'Este campo es obligatorio.' },
  'bot.card.awaitingEmail': { en: "Awaiting the client's email", 'es-MX': 'En espera del correo del cliente' },
  'bot.card.yes': { en: 'Yes', 'es-MX': 'Sí' },
  'bot.action.assignToMe': { en: 'Assign to me', 'es-MX': 'Asignármelo' },
  'bot.action.assignTo': { en: 'Assign to…', 'es-MX': 'Asignar a…' },
  'bot.action.assignee': { en: 'Consultant', 'es-MX': 'Consultor' },
  'bot.action.assign': { en: 'Assign', 'es-MX': 'Asignar' },
  'bot.action.recordContactAttempt': { en: 'Record contact attempt', 'es-MX': 'Registrar intento de contacto' },
  'bot.action.logFollowUp': { en: 'Log follow-up', 'es-MX': 'Registrar seguimiento' },
  'bot.action.followUpKind': { en: 'Kind', 'es-MX': 'Tipo' },
  'bot.action.note': { en: 'Note', 'es-MX': 'Nota' },
  'bot.action.save': { en: 'Save', 'es-MX': 'Guardar' },
  'bot.action.logSession': { en: 'Log session', 'es-MX': 'Registrar sesión' },
  'bot.action.sessionMinutes': { en: 'Minutes', 'es-MX': 'Minutos' },
  'bot.action.sessionConsultants': { en: 'Consultants', 'es-MX': 'Consultores' },
  'bot.action.requestInformation': { en: 'Request information', 'es-MX': 'Solicitar información' },
  'bot.action.question': { en: 'Question for the client', 'es-MX': 'Pregunta para el cliente' },
  'bot.action.send': { en: 'Send', 'es-MX': 'Enviar' },
  'bot.action.escalate': { en: 'Escalate', 'es-MX': 'Escalar' },
  'bot.action.level': { en: 'To level', 'es-MX': 'Al nivel' },
  'bot.action.reason': { en: 'Reason', 'es-MX': 'Motivo' },
  'bot.action.requestBudgetExtension': { en: 'Request budget extension', 'es-MX': 'Solicitar ampliación de presupuesto' },
  'bot.action.extensionMinutes': { en: 'Extra minutes', 'es-MX': 'Minutos adicionales' },
  'bot.action.resolve': { en: 'Resolve', 'es-MX': 'Resolver' },
  'bot.action.resolutionSummary': {
    en: 'Resolution summary (sent to the client)',
    'es-MX': 'Resumen de la solución (se envía al cliente)',
  },
  'bot.followUp.progress': { en: 'Progress update', 'es-MX': 'Avance' },
  'bot.followUp.follow-up': { en: 'Follow-up', 'es-MX': 'Seguimiento' },
  'bot.followUp.conclusion': { en: 'Conclusion', 'es-MX': 'Conclusión' },
  'bot.followUp.closure': { en: 'Closure', 'es-MX': 'Cierre' },
  'bot.followUp.information-request': { en: 'Information request', 'es-MX': 'Solicitud de información' },
  'bot.followUp.daily-email': { en: 'Daily email', 'es-MX': 'Correo diario' },
  'bot.followUp.other': { en: 'Other', 'es-MX': 'Otro' },
  'bot.level.L1': { en: 'L1 · support team', 'es-MX': 'N1 · equipo de soporte' },
  'bot.level.L2': { en: 'L2 · senior consultant', 'es-MX': 'N2 · consultor sénior' },
  'bot.level.L3': { en: 'L3 · development', 'es-MX': 'N3 · desarrollo' },
  'bot.level.L4': { en: 'L4 · Microsoft', 'es-MX': 'N4 · Microsoft' },

  // Lists
  'bot.queue.title': { en: 'Queue: {count} new or unassigned', 'es-MX': 'Cola: {count} nuevos o sin asignar' },
  'bot.queue.empty': {
    en: 'Nothing waiting: every open ticket has an owner and a first response.',
    'es-MX': 'Nada en espera: todos los tickets abiertos tienen responsable y primera respuesta.',
  },
  'bot.mine.title': { en: 'My tickets: {count} open', 'es-MX': 'Mis tickets: {count} abiertos' },
  'bot.mine.empty': { en: 'You have no open tickets assigned.', 'es-MX': 'No tienes tickets abiertos asignados.' },
  'bot.list.sla': {
    en: 'Response: {response} · Resolution: {resolution}',
    'es-MX': 'Respuesta: {response} · Resolución: {resolution}',
  },
  'bot.list.more': { en: '… and {count} more', 'es-MX': '… y {count} más' },

  // Forms
  'bot.phone.title': { en: 'Log a critical phone call', 'es-MX': 'Registrar una llamada crítica' },
  'bot.phone.intro': {
    en: 'The ticket opens now and its clocks start at the call. It stays "awaiting email" and reminders go out until the client\'s email is linked.',
    'es-MX':
      'El ticket se abre ahora y sus relojes empiezan con la llamada. Queda "en espera de correo" y se envían recordatorios hasta vincular el correo del cliente.',
  },
  'bot.form.client': { en: 'Client', 'es-MX': 'Cliente' },
  'bot.form.requesterEmail': { en: 'Requester email (an authorized requester)', 'es-MX': 'Correo del solicitante (autorizado)' },
  'bot.form.subject': { en: 'Subject', 'es-MX': 'Asunto' },
  'bot.form.description': { en: 'Description', 'es-MX': 'Descripción' },
  'bot.form.priority': { en: 'Priority', 'es-MX': 'Prioridad' },
  'bot.form.submit': { en: 'Open ticket', 'es-MX': 'Abrir ticket' },
  'bot.fromMessage.title': { en: 'Create ticket from this message', 'es-MX': 'Crear ticket desde este mensaje' },
  'bot.fromMessage.opened': { en: 'Ticket {number} opened.', 'es-MX': 'Se abrió el ticket {number}.' },
  'bot.fromMessage.existing': {
    en: 'This message already has ticket {number}.',
    'es-MX': 'Este mensaje ya tiene el ticket {number}.',
  },

  // SLA explain
  'bot.explain.title': { en: 'SLA of {number}', 'es-MX': 'SLA de {number}' },
  'bot.explain.subtitle': { en: 'At {at} ({zone}), policy {policy}', 'es-MX': 'Al {at} ({zone}), política {policy}' },
  'bot.explain.state': { en: 'State', 'es-MX': 'Estado' },
  'bot.explain.started': { en: 'Started', 'es-MX': 'Inició' },
  'bot.explain.stopped': { en: 'Stopped', 'es-MX': 'Se detuvo' },
  'bot.explain.countedUntil': { en: 'Counted until', 'es-MX': 'Contado hasta' },
  'bot.explain.counted': { en: 'Business time counted', 'es-MX': 'Tiempo hábil contado' },
  'bot.explain.countedOf': { en: '{counted} of {limit}', 'es-MX': '{counted} de {limit}' },
  'bot.explain.remaining': { en: 'Remaining', 'es-MX': 'Restante' },
  'bot.explain.notCounted': { en: 'Not counted', 'es-MX': 'No contado' },
  'bot.explain.skipped': {
    en: 'outside hours {closed}, holidays {holiday}, paused {pause}',
    'es-MX': 'fuera de horario {closed}, días de descanso {holiday}, en pausa {pause}',
  },
  'bot.explain.atRiskAt': { en: 'At risk from', 'es-MX': 'En riesgo desde' },
  'bot.explain.breachAt': { en: 'Breaches at', 'es-MX': 'Se incumple el' },
  'bot.explain.changes': { en: 'What moved the clocks', 'es-MX': 'Qué movió los relojes' },

  // Hours
  'bot.hours.title': { en: 'Hours of {client} in {month}', 'es-MX': 'Horas de {client} en {month}' },
  'bot.hours.kind.follow-up': { en: 'Follow-ups', 'es-MX': 'Seguimientos' },
  'bot.hours.kind.session': { en: 'Sessions', 'es-MX': 'Sesiones' },
  'bot.hours.kind.work': { en: 'Work', 'es-MX': 'Trabajo' },
  'bot.hours.row': { en: '{entries} entries · {minutes}', 'es-MX': '{entries} registros · {minutes}' },
  'bot.hours.regular': { en: 'In support hours', 'es-MX': 'En horario de soporte' },
  'bot.hours.afterHours': { en: 'Approved after-hours', 'es-MX': 'Fuera de horario aprobado' },
  'bot.hours.afterHoursValue': { en: '{minutes} (billed as {weighted})', 'es-MX': '{minutes} (se factura como {weighted})' },
  'bot.hours.unapproved': { en: 'After-hours not approved', 'es-MX': 'Fuera de horario sin aprobar' },
  'bot.hours.chargeable': { en: 'Chargeable', 'es-MX': 'Facturable' },
  'bot.hours.amount': { en: 'Amount', 'es-MX': 'Importe' },

  // SLA alert card
  'bot.alert.at-risk': { en: 'At risk: {clock} SLA of {number}', 'es-MX': 'En riesgo: SLA de {clock} de {number}' },
  'bot.alert.breached': { en: 'Breached: {clock} SLA of {number}', 'es-MX': 'Incumplido: SLA de {clock} de {number}' },
  'bot.alert.due.at-risk': { en: 'Breaches at {due}', 'es-MX': 'Se incumple el {due}' },
  'bot.alert.due.breached': { en: 'Was due at {due}', 'es-MX': 'Vencía el {due}' },

  // L4 prompt
  'bot.l4.title': { en: 'Raise the Microsoft case for {number}', 'es-MX': 'Abrir el caso de Microsoft de {number}' },
  'bot.l4.intro': {
    en: '"{subject}" was escalated to L4. Copy this summary into the Microsoft support case, then record the case number here.',
    'es-MX':
      '"{subject}" se escaló a N4. Copia este resumen en el caso de soporte de Microsoft y registra aquí el número de caso.',
  },
  'bot.l4.reason': { en: 'Escalation reason', 'es-MX': 'Motivo del escalamiento' },
  'bot.l4.impact': {
    en: 'Priority {priority} for {client}: {subject}',
    'es-MX': 'Prioridad {priority} para {client}: {subject}',
  },
  'bot.l4.noAttachments': { en: 'None recorded', 'es-MX': 'Ninguno registrado' },
  'bot.l4.files': {
    en: '{files}: kept with the ticket, sent by the client',
    'es-MX': '{files}: guardados con el ticket, enviados por el cliente',
  },
  'bot.l4.sourceEmail': { en: "See the client's email {messageId}", 'es-MX': 'Ver el correo del cliente {messageId}' },
  'bot.l4.reminder': {
    en: 'While the ticket waits on Microsoft its resolution clock is paused, and you will be reminded to check the case.',
    'es-MX':
      'Mientras el ticket espera a Microsoft su reloj de resolución está en pausa, y recibirás recordatorios para revisar el caso.',
  },
  'bot.l4.recorded': {
    en: 'Microsoft case {caseNumber} recorded on the ticket.',
    'es-MX': 'Caso de Microsoft {caseNumber} registrado en el ticket.',
  },
  'bot.l4.label.product': { en: 'Product', 'es-MX': 'Producto' },
  'bot.l4.label.productHint': { en: 'e.g. Exchange Online', 'es-MX': 'p. ej. Exchange Online' },
  'bot.l4.label.tenant': { en: 'Tenant', 'es-MX': 'Inquilino (tenant)' },
  'bot.l4.label.businessImpact': { en: 'Business impact', 'es-MX': 'Impacto en el negocio' },
  'bot.l4.label.reproSteps': { en: 'Steps to reproduce', 'es-MX': 'Pasos para reproducir' },
  'bot.l4.label.attachments': { en: 'Attachments', 'es-MX': 'Adjuntos' },
  'bot.l4.label.severity': { en: 'Severity', 'es-MX': 'Severidad' },
  'bot.l4.label.caseNumber': { en: 'Microsoft case number', 'es-MX': 'Número de caso de Microsoft' },
  'bot.l4.label.caseNumberHint': { en: 'e.g. 2603020040001234', 'es-MX': 'p. ej. 2603020040001234' },
  'bot.l4.label.recordCase': { en: 'Record case number', 'es-MX': 'Registrar número de caso' },
  'bot.l4.severity.A': { en: 'A · critical impact', 'es-MX': 'A · impacto crítico' },
  'bot.l4.severity.B': { en: 'B · moderate impact', 'es-MX': 'B · impacto moderado' },
  'bot.l4.severity.C': { en: 'C · minimal impact', 'es-MX': 'C · impacto mínimo' },

  // Notifications
  'bot.notify.assigned': { en: 'You were assigned {number}: {subject}', 'es-MX': 'Se te asignó {number}: {subject}' },
  'bot.notify.phoneEmailReminder': {
    en: 'Reminder: {number} ({subject}) was logged from a phone call and still has no client email. Ask the client to send it.',
    'es-MX':
      'Recordatorio: {number} ({subject}) se registró por teléfono y aún no tiene el correo del cliente. Pídele que lo envíe.',
  },
  'bot.notify.emailReminder': {
    en: 'Reminder: {number} ({subject}) was raised in {channel} and still has no client email. Ask the client to send it.',
    'es-MX':
      'Recordatorio: {number} ({subject}) se levantó en {channel} y aún no tiene el correo del cliente. Pídele que lo envíe.',
  },
  'bot.channel.email': { en: 'email', 'es-MX': 'correo' },
  'bot.channel.phone': { en: 'a phone call', 'es-MX': 'una llamada' },
  'bot.channel.addin': { en: 'the Outlook add-in', 'es-MX': 'el complemento de Outlook' },
  'bot.channel.teams': { en: 'Teams', 'es-MX': 'Teams' },
  'bot.channel.system': { en: 'Soporte', 'es-MX': 'Soporte' },
  'bot.notify.microsoftCaseReminder': {
    en: 'Reminder: {number} is waiting on Microsoft case {caseNumber}. Check the case for news.',
    'es-MX': 'Recordatorio: {number} espera el caso de Microsoft {caseNumber}. Revisa si hay novedades.',
  },
  'bot.notify.budget': {
    en: '{number} ({client}): {consumed} of {budget} min of its budget used, {percent}%.',
    'es-MX': '{number} ({client}): {consumed} de {budget} min de su presupuesto consumidos, {percent}%.',
  },
  'bot.notify.afterHoursUnapproved': {
    en: '{number} ({client}): after-hours work was logged without an approved window. Please review.',
    'es-MX': '{number} ({client}): se registró trabajo fuera de horario sin ventana aprobada. Revísalo.',
  },
  'bot.notify.closedNoResponse': {
    en: '{number} ({subject}, {client}) closed for lack of response from the client.',
    'es-MX': '{number} ({subject}, {client}) se cerró por falta de respuesta del cliente.',
  },
  'bot.notify.unauthorizedSender': {
    en: '{sender} wrote "{subject}" but is not an authorized requester of {client}: no ticket was opened. The message is kept in quarantine; once they are authorized: soporte mail release {id}',
    'es-MX':
      '{sender} escribió "{subject}" pero no es solicitante autorizado de {client}: no se abrió ticket. El mensaje se conserva en cuarentena; una vez autorizado: soporte mail release {id}',
  },
  'bot.notify.unknownSender': {
    en: '{sender} wrote "{subject}" and matched no client (neither a requester nor a client domain): no ticket was opened. The message is kept in quarantine; to take it up, add them as a requester and run: soporte mail release {id}',
    'es-MX':
      '{sender} escribió "{subject}" y no coincidió con ningún cliente (ni solicitante ni dominio de cliente): no se abrió ticket. El mensaje se conserva en cuarentena; para atenderlo, agrégalo como solicitante y ejecuta: soporte mail release {id}',
  },
  'bot.notify.quarantined.spoofed-sender': {
    en: 'A message claiming to be from {sender} failed the mail server\'s sender checks ({detail}): kept in quarantine, no ticket, no reply: "{subject}".',
    'es-MX':
      'Un mensaje que dice venir de {sender} no pasó las verificaciones de remitente del servidor de correo ({detail}): quedó en cuarentena, sin ticket ni respuesta: "{subject}".',
  },
  'bot.notify.quarantined.ambiguous-requester': {
    en: 'A message from {sender}, an authorized requester of several clients ({detail}), opened no ticket: open it for the right client. "{subject}"',
    'es-MX':
      'Un mensaje de {sender}, solicitante autorizado de varios clientes ({detail}), no abrió ticket: ábralo para el cliente que corresponda. "{subject}"',
  },
  'bot.notify.mailbox.denied': {
    en: 'Mail intake cannot read {mailbox}: access is denied (the app is not allowed on that mailbox). Other mailboxes keep flowing. {detail}',
    'es-MX':
      'La recepción de correo no puede leer {mailbox}: acceso denegado (la aplicación no tiene permiso en ese buzón). Los demás buzones siguen. {detail}',
  },
  'bot.notify.mailbox.missing': {
    en: 'Mail intake cannot read {mailbox}: the mailbox does not exist. Other mailboxes keep flowing. {detail}',
    'es-MX': 'La recepción de correo no puede leer {mailbox}: el buzón no existe. Los demás buzones siguen. {detail}',
  },
  'bot.notify.mailbox.failing': {
    en: 'Mail intake cannot read {mailbox} for now; it retries on every pass. Other mailboxes keep flowing. {detail}',
    'es-MX':
      'La recepción de correo no puede leer {mailbox} por ahora; lo reintenta en cada pasada. Los demás buzones siguen. {detail}',
  },
  'bot.notify.mailbox.resynced': {
    en: 'Microsoft 365 dropped the sync state of {mailbox}: its Inbox was read again from the start; mail already handled was not taken in twice. {detail}',
    'es-MX':
      'Microsoft 365 descartó el estado de sincronización de {mailbox}: su bandeja de entrada se leyó de nuevo desde el inicio; el correo ya atendido no se recibió dos veces. {detail}',
  },
  'bot.digest.title': { en: 'Daily digest · {date}', 'es-MX': 'Resumen diario · {date}' },
  'bot.digest.summary': { en: '{count} open tickets', 'es-MX': '{count} tickets abiertos' },
  'bot.digest.line': {
    en: '{status} · {priority} · {assignee} · response {response} · resolution {resolution}',
    'es-MX': '{status} · {priority} · {assignee} · respuesta {response} · resolución {resolution}',
  },
} as const satisfies MessageTable;
