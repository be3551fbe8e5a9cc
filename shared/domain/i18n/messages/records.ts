import type { TicketEventType } from '../../ticket/ticket-event';
import type { ActorRole } from '../../ticket/ticket-types';
import type { MessageTable } from '../catalog';

type Names = { en: string; 'es-MX': string };

/** Every event of a ticket's audit trail, by name (a new event type does not compile without one). */
const EVENT_NAMES: Record<TicketEventType, Names> = {
  opened: { en: 'opened', 'es-MX': 'abierto' },
  'email-linked': { en: 'client email linked', 'es-MX': 'correo del cliente vinculado' },
  'first-response': { en: 'first response', 'es-MX': 'primera respuesta' },
  assigned: { en: 'assigned', 'es-MX': 'asignado' },
  'priority-changed': { en: 'priority changed', 'es-MX': 'prioridad cambiada' },
  'incident-type-changed': { en: 'incident type changed', 'es-MX': 'tipo de incidente cambiado' },
  'follow-up-logged': { en: 'follow-up logged', 'es-MX': 'seguimiento registrado' },
  'session-logged': { en: 'session logged', 'es-MX': 'sesión registrada' },
  'work-logged': { en: 'work logged', 'es-MX': 'trabajo registrado' },
  'information-requested': { en: 'information requested', 'es-MX': 'información solicitada' },
  'contact-attempted': { en: 'contact attempt', 'es-MX': 'intento de contacto' },
  'final-notice-sent': { en: 'final notice sent', 'es-MX': 'aviso final enviado' },
  'client-replied': { en: 'client replied', 'es-MX': 'respuesta del cliente' },
  escalated: { en: 'escalated', 'es-MX': 'escalado' },
  'microsoft-case-recorded': { en: 'Microsoft case recorded', 'es-MX': 'caso de Microsoft registrado' },
  'microsoft-responded': { en: 'Microsoft responded', 'es-MX': 'respuesta de Microsoft' },
  'budget-extension-requested': { en: 'budget extension requested', 'es-MX': 'ampliación de presupuesto solicitada' },
  'budget-extension-approved': { en: 'budget extension approved', 'es-MX': 'ampliación de presupuesto aprobada' },
  'budget-extension-refused': { en: 'budget extension refused', 'es-MX': 'ampliación de presupuesto rechazada' },
  resolved: { en: 'resolved', 'es-MX': 'resuelto' },
  'resolution-validated': { en: 'resolution validated', 'es-MX': 'solución validada' },
  'resolution-rejected': { en: 'resolution rejected (reopened)', 'es-MX': 'solución rechazada (reabierto)' },
  'closed-no-response': { en: 'closed for no response', 'es-MX': 'cerrado por falta de respuesta' },
  'note-added': { en: 'note added', 'es-MX': 'nota agregada' },
};

const ROLE_NAMES: Record<ActorRole, Names> = {
  requester: { en: 'requester', 'es-MX': 'solicitante' },
  L1: { en: 'L1', 'es-MX': 'L1' },
  L2: { en: 'L2', 'es-MX': 'L2' },
  L3: { en: 'L3', 'es-MX': 'L3' },
  manager: { en: 'manager', 'es-MX': 'gerente' },
  system: { en: 'system', 'es-MX': 'sistema' },
};

/** Each name under its catalog key (`event.<type>`, `role.<role>`), keys typed. */
function keyed<P extends string, K extends string>(prefix: P, names: Record<K, Names>): Record<`${P}.${K}`, Names> {
  return Object.fromEntries(Object.entries(names).map(([k, v]) => [`${prefix}.${k}`, v])) as Record<`${P}.${K}`, Names>;
}

/** Names of what listings show: ticket events, actor roles, the records the CLI saves. */
export const RECORD_MESSAGES = {
  ...keyed('event', EVENT_NAMES),
  ...keyed('role', ROLE_NAMES),
  'cli.what.client': { en: 'client', 'es-MX': 'cliente' },
  'cli.what.requester': { en: 'requester', 'es-MX': 'solicitante' },
  'cli.what.staff': { en: 'staff member', 'es-MX': 'miembro del personal' },
  'cli.what.ticket': { en: 'ticket', 'es-MX': 'ticket' },
  'cli.what.after-hours': { en: 'after-hours request', 'es-MX': 'solicitud de atención fuera de horario' },
} as const satisfies MessageTable;
