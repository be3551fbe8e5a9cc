import type { Client } from '@microsoft/microsoft-graph-client';
import { takeLease, type Clock, type LeaseStore, type StateStore } from '../../application/ports';
import { GraphServiceError } from '../graph/graph-errors';

/** Outlook message subscriptions live at most 10,080 minutes (change-notifications-subscription-lifetime.md). */
export const MAIL_SUBSCRIPTION_MAX_MINUTES = 10_080;
/** What is asked for: a little under the maximum, so clock skew never makes a request "beyond the maximum". */
const LIFETIME_MINUTES = MAIL_SUBSCRIPTION_MAX_MINUTES - 60;
/** Renewed when less than this is left (a renewal check runs every RENEW_CHECK_MS). */
const RENEW_BEFORE_MINUTES = 24 * 60;
export const RENEW_CHECK_MS = 60 * 60_000;
const LEASE = 'graph-subscriptions';
const LEASE_TTL_MS = 10 * 60_000;

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** One mailbox's Inbox subscription, as kept in the store (so every instance sees the same one). */
export interface SavedSubscription {
  id: string;
  mailbox: string;
  expirationDateTime: string;
  /** Set by a lifecycle notification: the next ensure() renews (reauthorize) or recreates (removed). */
  needs?: 'reauthorize' | 'recreate';
}

export interface GraphSubscriptionsOptions {
  client: Client;
  /** Mailboxes whose Inbox is watched (the support mailbox, the consultants'). */
  mailboxes: string[];
  /** GRAPH_NOTIFICATION_URL: public HTTPS URL of POST /api/mail/notifications (also the lifecycle URL). */
  notificationUrl: string;
  clientState: string;
  state: StateStore;
  leases: LeaseStore;
  /** This instance (INSTANCE_ID): one instance at a time creates and renews. */
  holder: string;
  clock: Clock;
  /** A delta read (the delta query stays the source of truth; notifications only hasten it). */
  triggerDeltaRead: () => void;
}

const keyOf = (mailbox: string) => `graph-subscription:${mailbox.toLowerCase()}`;

/**
 * Manages the Inbox change-notification subscriptions when GRAPH_NOTIFICATION_URL is set: creates them
 * at start, renews them before they expire (Outlook: 10,080 minutes at most), recreates one Graph
 * removed (subscriptionRemoved) or let expire, reauthorizes on reauthorizationRequired, and runs a
 * delta read on missed and after a recreation (change-notifications-lifecycle-events.md). The
 * subscription ids live in the store and the work is done under a lease, so two instances never
 * create two subscriptions for one mailbox.
 */
export class GraphSubscriptions {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: GraphSubscriptionsOptions) {}

  /** Ensures now, then every RENEW_CHECK_MS; failures go to onError (the next check tries again). */
  start(onError: (error: unknown) => void, intervalMs = RENEW_CHECK_MS): void {
    const tick = () => {
      this.ensure().catch(onError);
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves when the work under way is done. */
  idle(): Promise<void> {
    return this.running.catch(() => undefined);
  }

  /** Creates what is missing, expired or removed; renews what expires soon or needs reauthorizing. One run at a time. */
  ensure(): Promise<void> {
    const run = this.running.catch(() => undefined).then(() => this.ensureNow());
    this.running = run;
    return run;
  }

  /** A lifecycle notification (already checked for our clientState). */
  async onLifecycle(event: LifecycleEvent | string, subscriptionId: string): Promise<void> {
    if (event === 'missed') {
      this.options.triggerDeltaRead();
      return;
    }
    if (event !== 'subscriptionRemoved' && event !== 'reauthorizationRequired') return; // new kinds may come: ignored
    const saved = (await this.saved()).find((s) => s.id === subscriptionId);
    if (!saved) return;
    await this.options.state.setState(keyOf(saved.mailbox), {
      ...saved,
      needs: event === 'subscriptionRemoved' ? 'recreate' : 'reauthorize',
    });
    await this.ensure();
  }

  private async saved(): Promise<SavedSubscription[]> {
    const all = await Promise.all(this.options.mailboxes.map((m) => this.options.state.getState<SavedSubscription>(keyOf(m))));
    return all.filter((s): s is SavedSubscription => s !== undefined);
  }

  private async ensureNow(): Promise<void> {
    const { leases, holder, clock, state } = this.options;
    if (!(await takeLease(leases, LEASE, holder, clock.now(), LEASE_TTL_MS))) return; // another instance manages them
    const now = clock.now().getTime();
    let recreated = false;
    for (const mailbox of this.options.mailboxes) {
      const saved = await state.getState<SavedSubscription>(keyOf(mailbox));
      const left = saved ? Date.parse(saved.expirationDateTime) - now : 0;
      if (!saved || left <= 0 || saved.needs === 'recreate') {
        await this.create(mailbox, saved);
        recreated = true;
      } else if (left < RENEW_BEFORE_MINUTES * 60_000 || saved.needs === 'reauthorize') {
        if (!(await this.renew(saved))) {
          await this.create(mailbox, saved);
          recreated = true;
        }
      }
    }
    // Changes may have happened while no subscription watched: delta catches up.
    if (recreated) this.options.triggerDeltaRead();
  }

  private expiration(): string {
    return new Date(this.options.clock.now().getTime() + LIFETIME_MINUTES * 60_000).toISOString();
  }

  private async create(mailbox: string, previous: SavedSubscription | undefined): Promise<void> {
    if (previous) await this.remove(previous.id);
    const created = (await this.options.client.api('/subscriptions').post({
      changeType: 'created,updated',
      notificationUrl: this.options.notificationUrl,
      lifecycleNotificationUrl: this.options.notificationUrl,
      resource: `users/${mailbox}/mailFolders('inbox')/messages`,
      expirationDateTime: this.expiration(),
      clientState: this.options.clientState,
    })) as { id: string; expirationDateTime: string };
    await this.options.state.setState(keyOf(mailbox), {
      id: created.id,
      mailbox,
      expirationDateTime: created.expirationDateTime,
    } satisfies SavedSubscription);
  }

  /** PATCH with a new expiration: renews and reauthorizes. False when Graph no longer has it (404). */
  private async renew(saved: SavedSubscription): Promise<boolean> {
    let renewed: { expirationDateTime: string };
    try {
      renewed = (await this.options.client
        .api(`/subscriptions/${encodeURIComponent(saved.id)}`)
        .patch({ expirationDateTime: this.expiration() })) as typeof renewed;
    } catch (error) {
      if (error instanceof GraphServiceError && error.status === 404) return false;
      throw error;
    }
    await this.options.state.setState(keyOf(saved.mailbox), {
      id: saved.id,
      mailbox: saved.mailbox,
      expirationDateTime: renewed.expirationDateTime,
    } satisfies SavedSubscription);
    return true;
  }

  /** Best effort: a subscription Graph already removed answers 404. */
  private async remove(id: string): Promise<void> {
    try {
      await this.options.client.api(`/subscriptions/${encodeURIComponent(id)}`).delete();
    } catch (error) {
      if (!(error instanceof GraphServiceError && error.status === 404)) throw error;
    }
  }
}
