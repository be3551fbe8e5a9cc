import { badRequest, notFound } from './graph-http-error';
import { graphInstant, guid } from './ids';
import type { MailChange, MailStore } from './mail-store';
import { objectBody, empty, json } from './responses';
import type { Router } from './router';
import type { ServiceClock } from './service-types';

/** Outlook message subscriptions live at most 10,070 minutes (just under 7 days). */
export const MESSAGE_SUBSCRIPTION_MAX_MINUTES = 10_070;
const VALIDATION_TIMEOUT_MS = 10_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState?: string;
  expirationDateTime: string;
  user: string;
  /** Folder key ("inbox" or an id); undefined: every folder of the mailbox. */
  folder?: string;
}

export interface Delivery {
  subscriptionId: string;
  changeType: string;
  messageId: string;
  /** HTTP status the notification URL answered, or 0 when it could not be reached. */
  status: number;
}

function parseResource(resource: string): { user: string; folder?: string } {
  const m = /^\/?users\/([^/]+)\/(?:mailFolders(?:\('([^']+)'\)|\/([^/]+))\/)?messages$/i.exec(resource);
  if (!m) throw badRequest('InvalidRequest', `This service subscribes to mail only: users/{id}/messages or users/{id}/mailFolders('{folder}')/messages (got '${resource}').`);
  const folder = m[2] ?? m[3];
  return { user: decodeURIComponent(m[1]!), ...(folder ? { folder: folder.toLowerCase() } : {}) };
}

/**
 * Change notifications for mail, as Graph sends them: POST /subscriptions validates the notification URL
 * (it must echo ?validationToken as text/plain with 200 within 10 s), then each created/updated/deleted
 * message in the resource is POSTed to it with the subscription's clientState. Loopback URLs only.
 */
export class SubscriptionHub {
  private readonly subscriptions: Subscription[] = [];
  private readonly pending = new Set<Promise<void>>();
  readonly deliveries: Delivery[] = [];

  constructor(private readonly mail: MailStore, private readonly clock: ServiceClock) {
    mail.onChange((change) => this.notify(change));
  }

  list(): Subscription[] {
    return structuredClone(this.subscriptions);
  }

  /** Waits until every notification sent so far has been answered. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  addRoutes(router: Router): void {
    router
      .add('POST', '/subscriptions', async (request) => {
        const body = objectBody(request.body, 'create subscription');
        const { changeType, notificationUrl, resource, expirationDateTime, clientState } = body;
        if (typeof changeType !== 'string' || !changeType.split(',').every((c) => ['created', 'updated', 'deleted'].includes(c.trim()))) {
          throw badRequest('InvalidRequest', 'changeType must be created, updated and/or deleted, comma separated.');
        }
        if (typeof resource !== 'string') throw badRequest('InvalidRequest', 'resource is required.');
        const target = parseResource(resource);
        const mailbox = this.mail.mailbox(target.user);
        if (target.folder) this.mail.folder(mailbox, target.folder);
        const url = this.notificationUrl(notificationUrl);
        const expiry = this.expiration(expirationDateTime);
        await this.validate(url);
        const subscription: Subscription = {
          id: guid(), resource, changeType, notificationUrl: url, expirationDateTime: expiry, user: mailbox.id,
          ...(typeof clientState === 'string' ? { clientState } : {}), ...(target.folder ? { folder: target.folder } : {}),
        };
        this.subscriptions.push(subscription);
        return json(201, this.subscriptionJson(subscription, request.serviceRoot));
      })
      .add('GET', '/subscriptions', (request) => json(200, { value: this.subscriptions.map((s) => this.subscriptionJson(s, request.serviceRoot)) }))
      .add('GET', '/subscriptions/:id', (request, p) => json(200, this.subscriptionJson(this.find(p.id!), request.serviceRoot)))
      .add('PATCH', '/subscriptions/:id', (request, p) => {
        const subscription = this.find(p.id!);
        subscription.expirationDateTime = this.expiration(objectBody(request.body, 'renew subscription').expirationDateTime);
        return json(200, this.subscriptionJson(subscription, request.serviceRoot));
      })
      .add('DELETE', '/subscriptions/:id', (_request, p) => {
        this.subscriptions.splice(this.subscriptions.indexOf(this.find(p.id!)), 1);
        return empty(204);
      });
  }

  private find(id: string): Subscription {
    const found = this.subscriptions.find((s) => s.id === id);
    if (!found) throw notFound('ResourceNotFound', `The object was not found: subscription ${id}.`);
    return found;
  }

  private subscriptionJson(s: Subscription, serviceRoot: string): Record<string, unknown> {
    return {
      '@odata.context': `${serviceRoot}/$metadata#subscriptions/$entity`, id: s.id, resource: s.resource, applicationId: '00000000-0000-0000-0000-000000000000',
      changeType: s.changeType, clientState: s.clientState ?? null, notificationUrl: s.notificationUrl, expirationDateTime: s.expirationDateTime,
      creatorId: s.user, latestSupportedTlsVersion: 'v1_2', notificationContentType: null, includeResourceData: null,
    };
  }

  private notificationUrl(value: unknown): string {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch (cause) {
      throw badRequest('InvalidRequest', `notificationUrl is not a URL (${String(cause)}).`);
    }
    if (!LOOPBACK.has(url.hostname)) throw badRequest('InvalidRequest', 'This test service delivers notifications to loopback addresses only.');
    return url.toString();
  }

  private expiration(value: unknown): string {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    const now = this.clock().getTime();
    if (Number.isNaN(at) || at <= now) throw badRequest('InvalidRequest', 'expirationDateTime must be a date-time in the future.');
    if (at > now + MESSAGE_SUBSCRIPTION_MAX_MINUTES * 60_000) {
      throw badRequest('InvalidRequest', `Subscription expiration can only be ${MESSAGE_SUBSCRIPTION_MAX_MINUTES} minutes in the future.`);
    }
    return graphInstant(new Date(at));
  }

  private async validate(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${guid()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    let ok = false;
    try {
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS) });
      ok = response.status === 200 && (await response.text()) === token;
    } catch (cause) {
      throw badRequest('InvalidRequest', `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. (${String(cause)})`);
    }
    if (!ok) throw badRequest('InvalidRequest', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
  }

  private notify(change: MailChange): void {
    const now = this.clock().getTime();
    for (const s of this.subscriptions) {
      if (s.user !== change.mailbox.id || !s.changeType.split(',').map((c) => c.trim()).includes(change.kind) || Date.parse(s.expirationDateTime) <= now) continue;
      if (s.folder !== undefined && this.mail.folder(change.mailbox, s.folder).id !== change.folderId) continue;
      const resource = `Users/${change.mailbox.id}/Messages/${change.messageId}`;
      const notification = {
        value: [{
          subscriptionId: s.id, subscriptionExpirationDateTime: s.expirationDateTime, changeType: change.kind, resource,
          resourceData: { '@odata.type': '#Microsoft.Graph.Message', '@odata.id': resource, ...(change.changeKey ? { '@odata.etag': `W/"${change.changeKey}"` } : {}), id: change.messageId },
          clientState: s.clientState ?? null, tenantId: '00000000-0000-0000-0000-000000000001',
        }],
      };
      const delivery = fetch(s.notificationUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(notification) })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }, () => 0)
        .then((status) => {
          this.deliveries.push({ subscriptionId: s.id, changeType: change.kind, messageId: change.messageId, status });
        });
      this.pending.add(delivery);
      void delivery.finally(() => this.pending.delete(delivery));
    }
  }
}
