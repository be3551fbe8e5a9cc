import type { MessageTable } from '../catalog';

/** Names of the policy's values, shared by every surface. */
export const COMMON_MESSAGES = {
  'priority.critical': { en: 'Critical', 'es-MX': 'Crítica' },
  'priority.high': { en: 'High', 'es-MX': 'Alta' },
  'priority.medium': { en: 'Medium', 'es-MX': 'Media' },
  'priority.low': { en: 'Low', 'es-MX': 'Baja' },
  'type.technical-regular': { en: 'Technical (regular)', 'es-MX': 'Técnico regular' },
  'type.technical-urgent': { en: 'Technical (urgent)', 'es-MX': 'Técnico urgente' },
  'type.maintenance': { en: 'Maintenance', 'es-MX': 'Mantenimiento' },
  'type.research-debugging': { en: 'Research / debugging', 'es-MX': 'Investigación / depuración' },
  'status.new': { en: 'New (awaiting first response)', 'es-MX': 'Nuevo (en espera de primera respuesta)' },
  'status.open': { en: 'Open', 'es-MX': 'Abierto' },
  'status.waiting-on-client': { en: 'Waiting on client', 'es-MX': 'En espera del cliente' },
  'status.waiting-on-microsoft': { en: 'Waiting on Microsoft', 'es-MX': 'En espera de Microsoft' },
  'status.resolved': { en: 'Resolved (awaiting your validation)', 'es-MX': 'Resuelto (en espera de validación)' },
  'status.closed': { en: 'Closed', 'es-MX': 'Cerrado' },
  'sla.on-track': { en: 'On track', 'es-MX': 'En tiempo' },
  'sla.at-risk': { en: 'At risk', 'es-MX': 'En riesgo' },
  'sla.breached': { en: 'Breached', 'es-MX': 'Incumplido' },
  'sla.met': { en: 'Met', 'es-MX': 'Cumplido' },
  'sla.paused': { en: 'Paused', 'es-MX': 'En pausa' },
} as const satisfies MessageTable;
