/**
 * What the task pane needs from Outlook. addin/office/ implements it with Office.js; tests use a fake.
 * Nothing else in addin/ touches Office.js.
 */
import type { IncidentType, Priority } from '../shared/domain/ticket';

export interface ReadItem {
  subject: string;
  bodyText: string;
  attachmentNames: string[];
  internetMessageId: string;
  conversationId?: string;
  sender?: { name: string; email: string };
  /** Every recipient address (to + cc), lower-cased. */
  recipients: string[];
}

export interface AfterHoursRequest {
  /** UTC ISO instants. */
  start: string;
  end: string;
}

export interface MailHost {
  /** Office's display language tag ("es-MX", "en-US" ...). */
  displayLanguage(): string;
  user(): { name: string; email: string };
  mode(): 'read' | 'compose';
  readItem(): Promise<ReadItem>;
  /** Tags the open email with its ticket (a custom property saved on the item). */
  tagWithTicket(ticketNumber: string): Promise<void>;
  /** Opens a new message to support with the open email attached (the user sends it). */
  openForwardToSupport(input: { supportAddress: string; subject: string; htmlBody: string }): Promise<void>;
  /** Compose: whether this Outlook can set internet headers (Mailbox 1.8). */
  canSetHeaders(): boolean;
  /** Compose: adds the support address and the classification headers. */
  reportToSupport(input: { supportAddress: string; priority: Priority; incidentType: IncidentType }): Promise<void>;
  /** Compose: adds the support address and the after-hours request header. */
  requestAfterHours(input: { supportAddress: string; window: AfterHoursRequest }): Promise<void>;
}

export const SUPPORT_HEADERS = {
  priority: 'X-Soporte-Priority',
  type: 'X-Soporte-Type',
  afterHours: 'X-Soporte-After-Hours',
} as const;

/** The header value of an after-hours window: `<start ISO>/<end ISO>` (what mail intake parses). */
export function afterHoursHeaderValue(window: AfterHoursRequest): string {
  return `${window.start}/${window.end}`;
}
