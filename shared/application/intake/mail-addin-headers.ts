import { INCIDENT_TYPES, PRIORITIES, type IncidentType, type Priority } from '../../domain/ticket';

/**
 * The headers the Outlook add-in puts on the email it sends or tags:
 * - `X-Soporte-Priority: critical|high|medium|low` (Spanish names accepted: crítica, alta, media, baja)
 * - `X-Soporte-Type: technical-regular|technical-urgent|maintenance|research-debugging`
 * - `X-Soporte-After-Hours: <start ISO instant>/<end ISO instant>` (an advance after-hours request)
 * A value that does not fit is ignored (policy defaults apply) and reported in `problems`.
 */
export interface AddinHeaders {
  fromAddin: boolean;
  priority?: Priority;
  incidentType?: IncidentType;
  afterHours?: { start: string; end: string } | { problem: string };
  problems: string[];
}

const SPANISH_PRIORITIES: Record<string, Priority> = { critica: 'critical', alta: 'high', media: 'medium', baja: 'low' };

export function readAddinHeaders(headers: Record<string, string>): AddinHeaders {
  const result: AddinHeaders = { fromAddin: false, problems: [] };
  const priority = fold(headers['x-soporte-priority']);
  if (priority) {
    result.fromAddin = true;
    const value = (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : SPANISH_PRIORITIES[priority];
    if (value) result.priority = value;
    else
      result.problems.push(
        `X-Soporte-Priority "${headers['x-soporte-priority']}" is not one of ${PRIORITIES.join(', ')}: policy default used`,
      );
  }
  const type = fold(headers['x-soporte-type']);
  if (type) {
    result.fromAddin = true;
    if ((INCIDENT_TYPES as readonly string[]).includes(type)) result.incidentType = type as IncidentType;
    else
      result.problems.push(
        `X-Soporte-Type "${headers['x-soporte-type']}" is not one of ${INCIDENT_TYPES.join(', ')}: policy default used`,
      );
  }
  const window = headers['x-soporte-after-hours']?.trim();
  if (window) result.afterHours = parseWindow(window);
  return result;
}

function parseWindow(value: string): { start: string; end: string } | { problem: string } {
  const [startText, endText] = value.split('/').map((s) => s.trim());
  const start = Date.parse(startText ?? '');
  const end = Date.parse(endText ?? '');
  if (Number.isNaN(start) || Number.isNaN(end) || !/T/.test(startText ?? '') || !/T/.test(endText ?? '')) {
    return { problem: `X-Soporte-After-Hours "${value}" is not "<start ISO instant>/<end ISO instant>": not recorded` };
  }
  if (end <= start) return { problem: `X-Soporte-After-Hours "${value}" ends before it starts: not recorded` };
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

function fold(value: string | undefined): string | undefined {
  const v = value
    ?.trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return v || undefined;
}
