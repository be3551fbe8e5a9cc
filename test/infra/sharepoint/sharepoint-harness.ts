import type { Store } from '../../../shared/application/ports';
import { openSharePointStore, provisionSite, type SharePointStore } from '../../../shared/infra/sharepoint';
import { startGraphService, type GraphService, type GraphServiceOptions } from '../../support/graph-service';
import type { StoreHandle } from '../../store-contract/contract-context';

export const SITE_URL = 'https://contoso.sharepoint.com/sites/soporte';

export interface SharePointHarness {
  graph: GraphService;
  siteId: string;
  /** Another SharePointStore with its own Graph client, on the same site. */
  open(): Promise<SharePointStore>;
}

/** A Graph service on 127.0.0.1 with one provisioned site. Close graph after. */
export async function startSharePoint(options: GraphServiceOptions = {}): Promise<SharePointHarness> {
  const graph = await startGraphService(options);
  const { id: siteId } = graph.sharepoint.addSite({
    hostname: 'contoso.sharepoint.com',
    path: '/sites/soporte',
    displayName: 'Soporte',
  });
  await provisionSite({ client: graph.client(), site: SITE_URL });
  return { graph, siteId, open: () => openSharePointStore({ client: graph.client(), siteId, batch: { maxRetryDelayMs: 50 } }) };
}

/**
 * Scan window of the contract suite's service: SharePoint scans 5,000 items a request; the suite's lists
 * hold a few dozen, so a window of 3 puts every list past it (empty pages with a nextLink, lookups
 * that must follow them). test/infra/sharepoint/large-lists.test.ts does the same at 5,000.
 */
export const CONTRACT_SCAN_WINDOW = 3;

/** The contract suite's factory: a fresh service and site per test; second() = another instance, another client. */
export async function sharePointFactory(): Promise<StoreHandle> {
  const harness = await startSharePoint({ listScanWindow: CONTRACT_SCAN_WINDOW });
  const stores: Store[] = [await harness.open()];
  return {
    store: stores[0]!,
    second: async () => {
      const store = await harness.open();
      stores.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of stores) await store.close();
      await harness.graph.close();
    },
  };
}
