import { badRequest, notFound } from './graph-http-error';
import { graphInstant, guid } from './ids';
import type { MailChange, MailStore } from './mail-store';
import { objectBody, empty, json } from './responses';
import type { Router } from './router';
import type { ServiceClock } from './service-types';

/** Outlook message subscriptions live at most 10,080 minutes (under 7 days; change-notifications-subscription-lifetime.md). */
export const MESSAGE_SUBSCRIPTION_MAX_MINUTES = 10_080;
/** An expirationDateTime under 45 minutes from now is raised to 45 minutes (learn subscription resource). */
const MIN_MINUTES = 45;

/** Lifecycle events Graph sends to lifecycleNotificationUrl (change-notifications-lifecycle-events.md). */
export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';
const VALIDATION_TIMEOUT_MS = 10_000;
const TENANT_ID = '00000000-0000-0000-0000-000000000001';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState?: string;
  lifecycleNotificationUrl?: string;
  expirationDateTime: string;
  /** reauthorizationRequired was sent and not yet answered: change delivery pauses. */
  needsReauthorization?: boolean;
  user: string;
  /** Folder key ("inbox" or an id); undefined: every folder of the mailbox. */
  folder?: string;
}

export interface Delivery {
  subscriptionId: string;
  /** The change type, or the lifecycle event. */
  changeType: string;
  messageId: string;
  /** HTTP status the notification URL answered, or 0 when it could not be reached. */
  status: number;
}

function parseResource(resource: string): { user: string; folder?: string } {
  const m = /^\/?users\/([^/]+)\/(?:mailFolders(?:\('([^']+)'\)|\/([^/]+))\/)?messages$/i.exec(resource);
  if (!m)
    throw badRequest(
      'InvalidRequest',
      `This service subscribes to mail only: users/{id}/messages or users/{id}/mailFolders('{folder}')/messages (got '${resource}').`,
    );
  const folder = m[2] ?? m[3];
  return { user: decodeURIComponent(m[1]!), ...(folder ? { folder: folder.toLowerCase() } : {}) };
}

/**
 * Change notifications for mail, as Graph sends them: POST /subscriptions validates the notification URL
 * (it must echo ?validationToken as text/plain with 200 within 10 s), then each created/updated/deleted
 * message in the resource is POSTed to it with the subscription's clientState. Loopback URLs only.
 */
export class SubscriptionHub {
  private subscriptions: Subscription[] = [];
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;
  readonly deliveries: Delivery[] = [];

  constructor(
    private readonly mail: MailStore,
    private readonly clock: ServiceClock,
  ) {
    mail.onChange((change) => this.notify(change));
  }

  list(): Subscription[] {
    this.prune();
    return structuredClone(this.subscriptions);
  }

  /** No more deliveries (the service is closing). */
  stop(): void {
    this.stopped = true;
  }

  /** A subscription not renewed in time is deleted by Graph. */
  private prune(): void {
    const now = this.clock().getTime();
    this.subscriptions = this.subscriptions.filter((s) => Date.parse(s.expirationDateTime) > now);
  }

  /**
   * Test API: Graph sends a lifecycle notification for subscription `id` to its lifecycleNotificationUrl.
   * subscriptionRemoved deletes the subscription first; reauthorizationRequired pauses change delivery
   * until POST /subscriptions/{id}/reauthorize or a renewal; missed only tells.
   */
  async lifecycle(id: string, event: LifecycleEvent): Promise<number> {
    const s = this.find(id);
    if (!s.lifecycleNotificationUrl)
      throw new Error(`subscription ${id} has no lifecycleNotificationUrl: Graph sends it no lifecycle notification`);
    if (event === 'subscriptionRemoved') this.subscriptions = this.subscriptions.filter((x) => x !== s);
    if (event === 'reauthorizationRequired') s.needsReauthorization = true;
    const payload = {
      value: [
        {
          subscriptionId: s.id,
          subscriptionExpirationDateTime: s.expirationDateTime,
          tenantId: TENANT_ID,
          clientState: s.clientState ?? null,
          lifecycleEvent: event,
        },
      ],
    };
    const status = await this.post(s.lifecycleNotificationUrl, payload);
    this.deliveries.push({ subscriptionId: s.id, changeType: event, messageId: '', status });
    return status;
  }

  private async post(url: string, payload: unknown): Promise<number> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  /** Waits until every notification sent so far has been answered. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  addRoutes(router: Router): void {
    router
      .add('POST', '/subscriptions', async (request) => {
        const body = objectBody(request.body, 'create subscription');
        const { changeType, notificationUrl, resource, expirationDateTime, clientState, lifecycleNotificationUrl } = body;
        if (
          typeof changeType !== 'string' ||
          !changeType.split(',').every((c) => ['created', 'updated', 'deleted'].includes(c.trim()))
        ) {
          throw badRequest('InvalidRequest', 'changeType must be created, updated and/or deleted, comma separated.');
        }
        if (typeof resource !== 'string') throw badRequest('InvalidRequest', 'resource is required.');
        const target = parseResource(resource);
        const mailbox = this.mail.mailbox(target.user);
        if (target.folder) this.mail.folder(mailbox, target.folder);
        if (typeof clientState === 'string' && clientState.length > 128)
          throw badRequest('InvalidRequest', 'clientState is limited to 128 characters.');
        const url = this.notificationUrl(notificationUrl);
        const lifecycleUrl = lifecycleNotificationUrl === undefined ? undefined : this.notificationUrl(lifecycleNotificationUrl);
        const expiry = this.expiration(expirationDateTime);
        await this.validate(url);
        if (lifecycleUrl !== undefined) await this.validate(lifecycleUrl);
        const subscription: Subscription = {
          id: guid(),
          resource,
          changeType,
          notificationUrl: url,
          expirationDateTime: expiry,
          user: mailbox.id,
          ...(typeof clientState === 'string' ? { clientState } : {}),
          ...(target.folder ? { folder: target.folder } : {}),
          ...(lifecycleUrl ? { lifecycleNotificationUrl: lifecycleUrl } : {}),
        };
        this.subscriptions.push(subscription);
        return json(201, this.subscriptionJson(subscription, request.serviceRoot));
      })
      .add('GET', '/subscriptions', (request) => {
        this.prune();
        return json(200, { value: this.subscriptions.map((s) => this.subscriptionJson(s, request.serviceRoot)) });
      })
      .add('GET', '/subscriptions/:id', (request, p) => json(200, this.subscriptionJson(this.find(p.id!), request.serviceRoot)))
      .add('PATCH', '/subscriptions/:id', (request, p) => {
        const subscription = this.find(p.id!);
        const body = objectBody(request.body, 'renew subscription');
        // lifecycleNotificationUrl can be set only at creation.
        if (body.lifecycleNotificationUrl !== undefined)
          throw badRequest(
            'InvalidRequest',
            'lifecycleNotificationUrl cannot be changed: delete the subscription and create it again.',
          );
        subscription.expirationDateTime = this.expiration(body.expirationDateTime);
        delete subscription.needsReauthorization;
        return json(200, this.subscriptionJson(subscription, request.serviceRoot));
      })
      .add('POST', '/subscriptions/:id/reauthorize', (_request, p) => {
        delete this.find(p.id!).needsReauthorization;
        return empty(204);
      })
      .add('DELETE', '/subscriptions/:id', (_request, p) => {
        const found = this.find(p.id!);
        this.subscriptions = this.subscriptions.filter((s) => s !== found);
        return empty(204);
      });
  }

  private find(id: string): Subscription {
    this.prune();
    const found = this.subscriptions.find((s) => s.id === id);
    if (!found) throw notFound('ResourceNotFound', `The object was not found: subscription ${id}.`);
    return found;
  }

  private subscriptionJson(s: Subscription, serviceRoot: string): Record<string, unknown> {
    return {
      '@odata.context': `${serviceRoot}/$metadata#subscriptions/$entity`,
      id: s.id,
      resource: s.resource,
      applicationId: '00000000-0000-0000-0000-000000000000',
      changeType: s.changeType,
      clientState: s.clientState ?? null,
      notificationUrl: s.notificationUrl,
      expirationDateTime: s.expirationDateTime,
      creatorId: s.user,
      latestSupportedTlsVersion: 'v1_2',
      notificationContentType: null,
      includeResourceData: null,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl ?? null,
    };
  }

  private notificationUrl(value: unknown): string {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch (cause) {
      throw badRequest('InvalidRequest', `notificationUrl is not a URL (${String(cause)}).`);
    }
    if (!LOOPBACK.has(url.hostname))
      throw badRequest('InvalidRequest', 'This test service delivers notifications to loopback addresses only.');
    return url.toString();
  }

  private expiration(value: unknown): string {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    const now = this.clock().getTime();
    if (Number.isNaN(at) || at <= now)
      throw badRequest('InvalidRequest', 'expirationDateTime must be a date-time in the future.');
    if (at > now + MESSAGE_SUBSCRIPTION_MAX_MINUTES * 60_000) {
      throw badRequest(
        'InvalidRequest',
        `Subscription expiration can only be ${MESSAGE_SUBSCRIPTION_MAX_MINUTES} minutes in the future.`,
      );
    }
    return graphInstant(new Date(Math.max(at, now + MIN_MINUTES * 60_000)));
  }

  private async validate(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${guid()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    let ok = false;
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      ok = response.status === 200 && (await response.text()) === token;
    } catch (cause) {
      throw badRequest(
        'InvalidRequest',
        `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. (${String(cause)})`,
      );
    }
    if (!ok)
      throw badRequest(
        'InvalidRequest',
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      );
  }

  private notify(change: MailChange): void {
    if (this.stopped) return;
    const now = this.clock().getTime();
    this.prune();
    for (const s of this.subscriptions) {
      if (s.needsReauthorization) continue;
      if (
        s.user !== change.mailbox.id ||
        !s.changeType
          .split(',')
          .map((c) => c.trim())
          .includes(change.kind) ||
        Date.parse(s.expirationDateTime) <= now
      )
        continue;
      if (s.folder !== undefined && this.mail.folder(change.mailbox, s.folder).id !== change.folderId) continue;
      const resource = `Users/${change.mailbox.id}/Messages/${change.messageId}`;
      const notification = {
        value: [
          {
            subscriptionId: s.id,
            subscriptionExpirationDateTime: s.expirationDateTime,
            changeType: change.kind,
            resource,
            resourceData: {
              '@odata.type': '#Microsoft.Graph.Message',
              '@odata.id': resource,
              ...(change.changeKey ? { '@odata.etag': `W/"${change.changeKey}"` } : {}),
              id: change.messageId,
            },
            clientState: s.clientState ?? null,
            tenantId: TENANT_ID,
          },
        ],
      };
      const delivery = fetch(s.notificationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notification),
      })
        .then(
          async (response) => {
            await response.arrayBuffer();
            return response.status;
          },
          () => 0,
        )
        .then((status) => {
          this.deliveries.push({ subscriptionId: s.id, changeType: change.kind, messageId: change.messageId, status });
        });
      this.pending.add(delivery);
      void delivery.finally(() => this.pending.delete(delivery));
    }
  }
}
