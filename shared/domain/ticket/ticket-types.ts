/** The vocabulary of a ticket: every closed set of values the policy names. */

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const INCIDENT_TYPES = ['technical-regular', 'technical-urgent', 'maintenance', 'research-debugging'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SUPPORT_LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export const TICKET_STATUSES = [
  'new', // opened, awaiting first response
  'open',
  'waiting-on-client',
  'waiting-on-microsoft',
  'resolved', // awaiting client validation
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Every status but closed: the tickets a sweep, a queue or a client's list still shows. */
export const OPEN_STATUSES: TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'closed');

/** Open statuses the support team still works in (a resolved ticket waits on the client's validation). */
export const WORKING_STATUSES: TicketStatus[] = OPEN_STATUSES.filter((s) => s !== 'resolved');

export const CLOSE_REASONS = ['validated', 'no-response'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CHANNELS = ['email', 'phone', 'addin', 'teams', 'system'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAFF_ROLES = ['L1', 'L2', 'L3', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

export type ActorRole = StaffRole | 'requester' | 'system';

/** Who did something: a staff member, a client's requester, or the system (monitor, intake). */
export interface Actor {
  role: ActorRole;
  /** Staff id, requester email, or a system component name ("sla-monitor", "mail-intake"). */
  id: string;
  name?: string;
}

export const LOCALES = ['en', 'es-MX'] as const;
export type Locale = (typeof LOCALES)[number];
