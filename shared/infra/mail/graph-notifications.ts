/**
 * Microsoft Graph change notifications for the support mailbox, reduced to what they may do here:
 * trigger a delta read. The delta query stays the source of truth (a lost or forged notification
 * costs nothing but a poll).
 * - Subscription validation: Graph POSTs with `?validationToken=...`; answer 200 text/plain with the
 *   token decoded, within 10 s.
 * - Notifications: `{"value": [{"clientState": "...", ...}]}`; only those carrying our clientState
 *   count; answer 202 either way (Graph retries on anything else).
 * - Lifecycle notifications (the same URL serves as lifecycleNotificationUrl): items with a
 *   `lifecycleEvent` (reauthorizationRequired, subscriptionRemoved, missed) go to `onLifecycle`.
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

export type LifecycleHandler = (event: string, subscriptionId: string) => void;

export function handleGraphNotification(
  request: NotificationRequest,
  expectedClientState: string,
  triggerDeltaRead: () => void,
  onLifecycle?: LifecycleHandler,
): NotificationResponse {
  const token = request.query.validationToken;
  if (token !== undefined) {
    const value = Array.isArray(token) ? (token[0] ?? '') : token;
    return { status: 200, contentType: 'text/plain', body: value, triggered: false, rejected: 0 };
  }
  const items =
    typeof request.body === 'object' && request.body !== null && Array.isArray((request.body as { value?: unknown }).value)
      ? (request.body as { value: unknown[] }).value
      : [];
  const accepted = items.filter(
    (n) => typeof n === 'object' && n !== null && (n as { clientState?: unknown }).clientState === expectedClientState,
  ) as Array<{ lifecycleEvent?: unknown; subscriptionId?: unknown }>;
  const lifecycle = accepted.filter((n) => typeof n.lifecycleEvent === 'string');
  for (const n of lifecycle) onLifecycle?.(String(n.lifecycleEvent), String(n.subscriptionId ?? ''));
  const changes = accepted.length - lifecycle.length;
  if (changes > 0) triggerDeltaRead();
  return { status: 202, triggered: changes > 0, rejected: items.length - accepted.length };
}
