import type restify from 'restify';
import { handleGraphNotification, type LifecycleHandler } from '../../shared/infra/mail/graph-notifications';

export const GRAPH_NOTIFICATION_PATH = '/api/mail/notifications';

/**
 * POST /api/mail/notifications: Microsoft Graph's change-notification endpoint for the support
 * mailbox's Inbox subscription. Validation requests get their token back; notifications with our
 * clientState only trigger a delta read (the delta query stays the source of truth); lifecycle
 * notifications (same URL) go to `onLifecycle` (the subscription manager).
 */
export function registerGraphNotificationRoute(
  server: restify.Server,
  clientState: string,
  triggerDeltaRead: () => void,
  onLifecycle?: LifecycleHandler,
): void {
  server.post(GRAPH_NOTIFICATION_PATH, async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query: Record<string, string> = Object.fromEntries(url.searchParams.entries());
    const answer = handleGraphNotification({ query, body: req.body }, clientState, triggerDeltaRead, onLifecycle);
    if (answer.body !== undefined) {
      res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'text/plain' });
      res.end(answer.body);
      return;
    }
    res.send(answer.status);
  });
}
