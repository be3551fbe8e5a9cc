import type { Client } from '@microsoft/microsoft-graph-client';
import type { Store } from '../../application/ports';
import { GraphBatch, type BatchOptions } from '../graph/graph-batch';
import { resolveListIds } from './list-ids';
import { eq, ListItems } from './list-items';
import { SCHEMA_VERSION, SCHEMA_VERSION_KEY } from './list-schema';
import { SharePointAfterHoursStore } from './sharepoint-after-hours-store';
import { SharePointStatementStore } from './sharepoint-statement-store';
import { SharePointAlertLedger } from './sharepoint-alert-ledger';
import { SharePointDirectoryStore } from './sharepoint-directory-store';
import { SharePointLeaseStore } from './sharepoint-lease-store';
import { SharePointStateStore, type StateCacheOptions } from './sharepoint-state-store';
import { SharePointTicketStore } from './sharepoint-ticket-store';
import { resolveSiteId } from './site-ref';
import { StepQueue } from '../graph/step-queue';
import type { ReadCacheOptions } from './read-cache';

export interface SharePointStoreOptions {
  /** A Graph client from createGraphClient (credential, retry on 429/503 with Retry-After). */
  client: Client;
  /** The site: its Graph id or its URL. */
  siteId: string;
  /** Retries of steps throttled inside a $batch. */
  batch?: BatchOptions;
  /** Directory lookups answered from memory for a short time (the server: 30 s); default none. */
  directoryCache?: ReadCacheOptions;
  /** State keys (by prefix) answered from memory for a short time (the server: email threads, 30 s); default none. */
  stateCache?: StateCacheOptions;
}

/** The production store: SharePoint lists on one site, read and written through Microsoft Graph. */
export class SharePointStore implements Store {
  readonly kind = 'sharepoint';
  readonly tickets: SharePointTicketStore;
  readonly directory: SharePointDirectoryStore;
  readonly afterHours: SharePointAfterHoursStore;
  readonly alerts: SharePointAlertLedger;
  readonly state: SharePointStateStore;
  readonly leases: SharePointLeaseStore;
  readonly statements: SharePointStatementStore;

  constructor(
    private readonly items: ListItems,
    caches: Pick<SharePointStoreOptions, 'directoryCache' | 'stateCache'> = {},
  ) {
    this.tickets = new SharePointTicketStore(items);
    this.directory = new SharePointDirectoryStore(items, caches.directoryCache);
    this.afterHours = new SharePointAfterHoursStore(items);
    this.state = new SharePointStateStore(items, caches.stateCache);
    this.alerts = new SharePointAlertLedger(items, this.state);
    this.leases = new SharePointLeaseStore(items);
    this.statements = new SharePointStatementStore(items);
  }

  get siteId(): string {
    return this.items.siteId;
  }

  /** The queue every request of the store leaves through (Graph mail signed in as the same app may join it). */
  get steps(): StepQueue {
    return this.items.queue;
  }

  /** The version provisioning wrote on the site (0 when it never ran). */
  async schemaVersion(): Promise<number> {
    const [row] = await this.items.all('counters', eq('CounterKey', SCHEMA_VERSION_KEY));
    return row ? Number(row.fields.Value) : 0;
  }

  /** Nothing to release: every request is complete when its promise settles. */
  async close(): Promise<void> {}
}

/**
 * Opens the store on a provisioned site. Refuses a site that was not provisioned, or provisioned by
 * an older version, naming the command that fixes it.
 */
export async function openSharePointStore(options: SharePointStoreOptions): Promise<SharePointStore> {
  const siteId = await resolveSiteId(options.client, options.siteId);
  const { ids, missing } = await resolveListIds(options.client, siteId);
  if (!ids)
    throw new Error(
      `SharePoint site ${options.siteId} lacks the Soporte lists ${missing.join(', ')}: run \`npx soporte provision --site ${options.siteId}\` first`,
    );
  const batch = new GraphBatch(options.client, options.batch);
  const store = new SharePointStore(new ListItems(siteId, ids, new StepQueue(batch)), options);
  const version = await store.schemaVersion();
  if (version < SCHEMA_VERSION) {
    throw new Error(
      `SharePoint site ${options.siteId} is provisioned at schema version ${version}, this version needs ${SCHEMA_VERSION}: run \`npx soporte provision --site ${options.siteId}\``,
    );
  }
  return store;
}
