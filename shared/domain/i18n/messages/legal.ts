import type { MessageTable } from '../catalog';

/** The privacy statement, terms of use and support page the server serves under /legal/ (the manifests link them). */
export const LEGAL_MESSAGES = {
  'legal.switch-language': { en: 'Versión en español', 'es-MX': 'English version' },
  'legal.contact': { en: 'Contact: {email}', 'es-MX': 'Contacto: {email}' },
  'legal.website': { en: 'Website: {url}', 'es-MX': 'Sitio web: {url}' },
  'legal.privacy.title': { en: 'Soporte privacy statement', 'es-MX': 'Aviso de privacidad de Soporte' },
  'legal.privacy.controller': {
    en: 'Soporte is the support desk {partner} runs for its clients in Microsoft 365. {partner} is responsible for the personal data it processes.',
    'es-MX':
      'Soporte es la mesa de ayuda que {partner} opera para sus clientes en Microsoft 365. {partner} es responsable de los datos personales que trata.',
  },
  'legal.privacy.data': {
    en: 'What is processed: the emails sent to the support mailbox {mailbox} and their attachments; the names, email addresses and Microsoft Entra tenant of the people authorized to request support; the tickets, their history, time entries and Teams messages about them.',
    'es-MX':
      'Qué se trata: los correos enviados al buzón de soporte {mailbox} y sus adjuntos; el nombre, correo y tenant de Microsoft Entra de las personas autorizadas para solicitar soporte; los tickets, su historial, los registros de tiempo y los mensajes de Teams sobre ellos.',
  },
  'legal.privacy.purpose': {
    en: 'Why: to answer and resolve support requests within the agreed service levels, and to bill the hours worked under the support agreement. Nothing is sold or used for advertising.',
    'es-MX':
      'Para qué: atender y resolver las solicitudes de soporte dentro de los niveles de servicio acordados y facturar las horas trabajadas conforme al contrato de soporte. Nada se vende ni se usa para publicidad.',
  },
  'legal.privacy.storage': {
    en: "Where: in {partner}'s own Microsoft Azure and Microsoft 365 tenant. The Outlook add-in reads only the message you open, and only while you use it; it signs you in with your own work account.",
    'es-MX':
      'Dónde: en el tenant propio de Microsoft Azure y Microsoft 365 de {partner}. El complemento de Outlook lee solo el mensaje que usted abre, y solo mientras lo usa; inicia sesión con su propia cuenta de trabajo.',
  },
  'legal.privacy.rights': {
    en: 'Your rights: you may ask {partner} to access, correct or delete your personal data, or object to its processing, by writing to {email}.',
    'es-MX':
      'Sus derechos: usted puede solicitar a {partner} el acceso, la rectificación o la cancelación de sus datos personales, u oponerse a su tratamiento, escribiendo a {email}.',
  },
  'legal.terms.title': { en: 'Soporte terms of use', 'es-MX': 'Términos de uso de Soporte' },
  'legal.terms.service': {
    en: 'Soporte is provided by {partner} to its clients as part of their support agreement; that agreement governs the service levels, the hours and their billing.',
    'es-MX':
      '{partner} proporciona Soporte a sus clientes como parte de su contrato de soporte; ese contrato rige los niveles de servicio, las horas y su facturación.',
  },
  'legal.terms.use': {
    en: 'Only people authorized by their organization may open tickets. Use Soporte for support requests about the services {partner} supports, and do not send content you are not allowed to share.',
    'es-MX':
      'Solo las personas autorizadas por su organización pueden abrir tickets. Use Soporte para solicitudes de soporte sobre los servicios que atiende {partner} y no envíe contenido que no tenga permitido compartir.',
  },
  'legal.terms.availability': {
    en: 'Soporte is available as the support agreement states; {partner} may update these terms and will tell clients of material changes.',
    'es-MX':
      'Soporte está disponible en los términos del contrato de soporte; {partner} puede actualizar estos términos y avisará a sus clientes de cualquier cambio importante.',
  },
  'legal.support.title': { en: 'Soporte: getting help', 'es-MX': 'Soporte: cómo obtener ayuda' },
  'legal.support.email': {
    en: 'To open a ticket, write to {mailbox} from your work account, or use the Soporte add-in in Outlook. You receive an acknowledgement with the ticket number and the time of the first response.',
    'es-MX':
      'Para abrir un ticket, escriba a {mailbox} desde su cuenta de trabajo o use el complemento Soporte en Outlook. Recibirá un acuse con el número de ticket y la hora de la primera respuesta.',
  },
  'legal.support.critical': {
    en: 'For a critical outage, call {partner} as your support agreement says, then send the email so the ticket records it.',
    'es-MX':
      'Ante una falla crítica, llame a {partner} como indica su contrato de soporte y después envíe el correo para que el ticket quede registrado.',
  },
  'legal.support.app': {
    en: 'Questions about the Soporte app itself (the Teams app or the Outlook add-in): {email}.',
    'es-MX': 'Preguntas sobre la aplicación Soporte (la aplicación de Teams o el complemento de Outlook): {email}.',
  },
} as const satisfies MessageTable;
