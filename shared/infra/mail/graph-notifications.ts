/**
 * Microsoft Graph change notifications for the support mailbox, reduced to what they may do here:
 * trigger a delta read. The delta query stays the source of truth (a lost or forged notification
 * costs nothing but a poll).
 * - Subscription validation: Graph POSTs with `?validationToken=...`; answer 200 text/plain with the
 *   token decoded, within 10 s.
 * - Notifications: `{"value": [{"clientState": "...", ...}]}`; only those carrying our clientState
 *   count; answer 202 either way (Graph retries on anything else).
 */
export interface NotificationRequest {
  query: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface NotificationResponse {
  status: number;
  contentType?: string;
  body?: string;
  /** True when a delta read was triggered. */
  triggered: boolean;
  /** Notifications refused for a wrong or missing clientState. */
  rejected: number;
}

export function handleGraphNotification(request: NotificationRequest, expectedClientState: string, triggerDeltaRead: () => void): NotificationResponse {
  const token = request.query.validationToken;
  if (token !== undefined) {
    const value = Array.isArray(token) ? token[0] ?? '' : token;
    return { status: 200, contentType: 'text/plain', body: value, triggered: false, rejected: 0 };
  }
  const items = typeof request.body === 'object' && request.body !== null && Array.isArray((request.body as { value?: unknown }).value) ? ((request.body as { value: unknown[] }).value) : [];
  const accepted = items.filter((n) => typeof n === 'object' && n !== null && (n as { clientState?: unknown }).clientState === expectedClientState);
  if (accepted.length > 0) triggerDeltaRead();
  return { status: 202, triggered: accepted.length > 0, rejected: items.length - accepted.length };
}
