import { resolve } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { THREAD_KEY_PREFIX } from '../shared/application/mail-thread';
import type { Clock, Store } from '../shared/application/ports';
import { createCredential, createGraphClient, GRAPH_BASE_URL, type GraphCredentialConfig } from '../shared/infra/graph';
import { MAX_PAGE_SIZE, openSharePointStore } from '../shared/infra/sharepoint';
import { openSqliteStore } from '../shared/infra/sqlite/sqlite-store';
import type { Config } from './config';

export interface ConfiguredStore {
  store: Store;
  /** One start-up line: which store, where, which schema version. */
  description: string;
  /** The SLA sweep's page size when the store serves larger pages than the monitor's default. */
  sweepPageSize?: number;
}

type GraphSettings = Pick<
  Config,
  | 'GRAPH_AUTH'
  | 'AZURE_TENANT_ID'
  | 'AZURE_CLIENT_ID'
  | 'AZURE_CLIENT_SECRET'
  | 'AZURE_CLIENT_CERTIFICATE_PATH'
  | 'GRAPH_BASE_URL'
>;

function refuse(missing: string[], why: string): never {
  throw new Error(`invalid configuration: ${why} needs ${missing.join(', ')}`);
}

/** The app's credential for the store (GRAPH_AUTH), refusing a missing setting by name. */
export function storeCredentialConfig(config: GraphSettings): GraphCredentialConfig {
  const need = (names: Array<keyof GraphSettings>, why: string) => {
    const missing = names.filter((n) => !config[n]);
    if (missing.length > 0) refuse(missing, why);
  };
  switch (config.GRAPH_AUTH) {
    case 'secret':
      need(['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'], 'GRAPH_AUTH=secret');
      return {
        kind: 'client-secret',
        tenantId: config.AZURE_TENANT_ID!,
        clientId: config.AZURE_CLIENT_ID!,
        clientSecret: config.AZURE_CLIENT_SECRET!,
      };
    case 'certificate':
      need(['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_CERTIFICATE_PATH'], 'GRAPH_AUTH=certificate');
      return {
        kind: 'certificate',
        tenantId: config.AZURE_TENANT_ID!,
        clientId: config.AZURE_CLIENT_ID!,
        certificatePath: config.AZURE_CLIENT_CERTIFICATE_PATH!,
      };
    case 'managed-identity':
      // A user-assigned identity is named by AZURE_CLIENT_ID; without it, the system-assigned one.
      return { kind: 'managed-identity', ...(config.AZURE_CLIENT_ID ? { clientId: config.AZURE_CLIENT_ID } : {}) };
    default:
      return refuse(['GRAPH_AUTH (secret, certificate or managed-identity)'], 'STORE=sharepoint');
  }
}

/** A Graph client for the store from the settings (credential by configuration, retries on 429/503). */
export function storeGraphClient(config: GraphSettings): Client {
  return createGraphClient({
    credential: createCredential(storeCredentialConfig(config)),
    baseUrl: config.GRAPH_BASE_URL ?? GRAPH_BASE_URL,
  });
}

/** Directory changes (authorization included) and email threads written by another instance reach this one within this time. */
const DIRECTORY_CACHE_MS = 30_000;

/** The store STORE selects: SQLite under DATA_DIR (default) or SharePoint lists on SHAREPOINT_SITE. */
export async function openConfiguredStore(config: Config, clock: Clock): Promise<ConfiguredStore> {
  if (config.STORE === 'sharepoint') {
    if (!config.SHAREPOINT_SITE)
      refuse(['SHAREPOINT_SITE (the site id or https://<tenant>.sharepoint.com/sites/<name>)'], 'STORE=sharepoint');
    const client = storeGraphClient(config);
    const store = await openSharePointStore({
      client,
      siteId: config.SHAREPOINT_SITE,
      directoryCache: { clock, ttlMs: DIRECTORY_CACHE_MS },
      stateCache: { clock, ttlMs: DIRECTORY_CACHE_MS, prefixes: [THREAD_KEY_PREFIX] },
    });
    return {
      store,
      description: `sharepoint site ${store.siteId} (schema version ${await store.schemaVersion()})`,
      sweepPageSize: MAX_PAGE_SIZE,
    };
  }
  const store = await openSqliteStore({ dataDir: config.DATA_DIR, clock });
  return {
    store,
    description: `sqlite ${store.file} (schema version ${await store.schemaVersion()}, DATA_DIR=${resolve(config.DATA_DIR)})`,
  };
}
