import type { MessageTable } from '../catalog';

/** The SLA explanation (formatSlaExplanation): clocks, spans and the changes that moved them. */
export const SLA_MESSAGES = {
  'sla.explain.heading': { en: 'SLA receipt for {number}, as of {at}', 'es-MX': 'Comprobante de SLA de {number}, al {at}' },
  'sla.explain.policy': {
    en: 'Policy: {policy} (version {policyVersion})',
    'es-MX': 'Política: {policy} (versión {policyVersion})',
  },
  'sla.explain.zone': {
    en: 'Times: {zone}; durations in hours and minutes',
    'es-MX': 'Horario: {zone}; duraciones en horas y minutos',
  },
  'sla.explain.clock.response': {
    en: 'Response clock (priority {priority}): {state}',
    'es-MX': 'Reloj de respuesta (prioridad {priority}): {state}',
  },
  'sla.explain.clock.resolution': {
    en: 'Resolution clock ({incidentType}, budget {breach}): {state}',
    'es-MX': 'Reloj de resolución ({incidentType}, presupuesto {breach}): {state}',
  },
  'sla.explain.counted': { en: 'Counted', 'es-MX': 'Contado' },
  'sla.explain.allowed': { en: 'Allowed before breach', 'es-MX': 'Permitido antes del incumplimiento' },
  'sla.explain.left': { en: 'Left', 'es-MX': 'Restante' },
  'sla.explain.over': { en: 'Over by', 'es-MX': 'Excedido por' },
  'sla.explain.thresholds': {
    en: 'At risk from {atRisk}; breached after {breach}',
    'es-MX': 'En riesgo desde {atRisk}; incumplido después de {breach}',
  },
  'sla.explain.due': {
    en: 'Due: at risk {atRiskAt}, breach {breachAt}',
    'es-MX': 'Vence: en riesgo {atRiskAt}, incumplimiento {breachAt}',
  },
  'sla.explain.stopped': { en: 'Stopped {at}', 'es-MX': 'Detenido el {at}' },
  'sla.explain.running': { en: 'Counted until {at}', 'es-MX': 'Contado hasta el {at}' },
  'sla.explain.span.counted': { en: '{start} - {end}  counted', 'es-MX': '{start} - {end}  contado' },
  'sla.explain.span.closed': { en: '{start} - {end}  closed', 'es-MX': '{start} - {end}  fuera de horario' },
  'sla.explain.span.holiday': { en: '{start} - {end}  holiday {date}', 'es-MX': '{start} - {end}  día feriado {date}' },
  'sla.explain.span.pause': { en: '{start} - {end}  paused ({reason})', 'es-MX': '{start} - {end}  en pausa ({reason})' },
  'sla.explain.skipped': {
    en: 'Not counted: {closed} closed, {holiday} holidays, {pause} paused',
    'es-MX': 'No contado: {closed} fuera de horario, {holiday} feriados, {pause} en pausa',
  },
  'sla.explain.legend': {
    en: "Legend: + counts against the clock (business hours); closed = outside business hours; holiday = a rest day or a day off an administrator added; paused = waiting on the client or on Microsoft (resolution clock only); at risk = past the target, or past the policy's share of the breach time.",
    'es-MX':
      'Leyenda: + cuenta para el reloj (horario hábil); fuera de horario = fuera del horario de atención; feriado = día de descanso obligatorio o agregado por un administrador; en pausa = en espera del cliente o de Microsoft (solo el reloj de resolución); en riesgo = pasada la meta, o pasada la proporción del tiempo de incumplimiento que fija la política.',
  },
  'sla.receipt.hours-minutes': { en: '{hours} h {minutes} min', 'es-MX': '{hours} h {minutes} min' },
  'sla.receipt.hours': { en: '{hours} h', 'es-MX': '{hours} h' },
  'sla.receipt.minutes': { en: '{minutes} min', 'es-MX': '{minutes} min' },
  'sla.receipt.under-a-minute': { en: '< 1 min', 'es-MX': '< 1 min' },
  'sla.explain.changes': { en: 'What moved the clocks:', 'es-MX': 'Lo que movió los relojes:' },
  'sla.explain.change': { en: '  {at}: {what}', 'es-MX': '  {at}: {what}' },
  'sla.change.opened': {
    en: 'opened ({priority}, {incidentType}, budget {budgetMinutes} min)',
    'es-MX': 'abierto ({priority}, {incidentType}, presupuesto {budgetMinutes} min)',
  },
  'sla.change.first-response': {
    en: 'first response (response clock stops)',
    'es-MX': 'primera respuesta (se detiene el reloj de respuesta)',
  },
  'sla.change.priority-changed': { en: 'priority {from} -> {to}', 'es-MX': 'prioridad {from} -> {to}' },
  'sla.change.incident-type-changed': {
    en: 'type {from} -> {to}, budget {budgetMinutes} min',
    'es-MX': 'tipo {from} -> {to}, presupuesto {budgetMinutes} min',
  },
  'sla.change.information-requested': {
    en: 'information requested (waiting on the client)',
    'es-MX': 'información solicitada (en espera del cliente)',
  },
  'sla.change.client-replied': { en: 'the client replied', 'es-MX': 'el cliente respondió' },
  'sla.change.escalated': { en: 'escalated {from} -> {to}', 'es-MX': 'escalado {from} -> {to}' },
  'sla.change.microsoft-responded': {
    en: 'Microsoft responded (clock resumes)',
    'es-MX': 'Microsoft respondió (el reloj se reanuda)',
  },
  'sla.change.budget-extension-approved': {
    en: 'budget extension approved: +{minutes} min',
    'es-MX': 'ampliación de presupuesto aprobada: +{minutes} min',
  },
  'sla.change.resolved': { en: 'resolved (resolution clock stops)', 'es-MX': 'resuelto (se detiene el reloj de resolución)' },
  'sla.change.resolution-rejected': {
    en: 'the client rejected the resolution (clock resumes)',
    'es-MX': 'el cliente rechazó la resolución (el reloj se reanuda)',
  },
  'sla.change.resolution-validated': { en: 'the client validated the resolution', 'es-MX': 'el cliente validó la resolución' },
  'sla.change.closed-no-response': { en: 'closed for lack of response', 'es-MX': 'cerrado por falta de respuesta' },
} as const satisfies MessageTable;
