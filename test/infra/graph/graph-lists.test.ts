import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphServiceError } from '../../../shared/infra/graph';
import { HONOR_NON_INDEXED, startGraphService, type GraphService } from '../../support/graph-service';

interface Page {
  value: Array<Record<string, unknown> & { fields?: Record<string, unknown> }>;
  '@odata.nextLink'?: string;
}

const TICKET_COLUMNS = [
  { name: 'TicketNumber', text: {}, indexed: true, enforceUniqueValues: true },
  { name: 'Status', text: {}, indexed: true },
  { name: 'Priority', number: {}, indexed: true },
  { name: 'DueAt', dateTime: {}, indexed: true },
  { name: 'Billable', boolean: {} },
  { name: 'Notes', text: { allowMultipleLines: true } },
];

describe('Graph service: SharePoint lists through the real Graph SDK client', () => {
  let graph: GraphService;
  let client: Client;
  let siteId: string;
  let items: string;

  beforeEach(async () => {
    graph = await startGraphService();
    client = graph.client();
    graph.sharepoint.addSite({ hostname: 'contoso.sharepoint.com', path: '/sites/support', displayName: 'Support' });
    const site = await client.api('/sites/contoso.sharepoint.com:/sites/support').get();
    siteId = site.id;
    await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: 'Tickets', columns: TICKET_COLUMNS, list: { template: 'genericList' } });
    items = `/sites/${siteId}/lists/Tickets/items`;
  });
  afterEach(() => graph.close());

  const create = (fields: Record<string, unknown>) => client.api(items).post({ fields });

  it('resolves a site by path and by id', async () => {
    const byId = await client.api(`/sites/${siteId}`).get();
    expect(byId).toMatchObject({ id: siteId, displayName: 'Support', webUrl: 'https://contoso.sharepoint.com/sites/support' });
    expect(siteId).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    await expect(client.api('/sites/contoso.sharepoint.com:/sites/nope').get()).rejects.toMatchObject({
      status: 404,
      code: 'itemNotFound',
    });
    const viaPath = (await client.api('/sites/contoso.sharepoint.com:/sites/support:/lists').get()) as Page;
    expect(viaPath.value.map((l) => l.displayName)).toEqual(['Tickets']);
  });

  it('creates lists with typed columns, adds and indexes columns, refuses a duplicate list', async () => {
    const list = await client.api(`/sites/${siteId}/lists/Tickets`).expand('columns').get();
    expect(list).toMatchObject({ displayName: 'Tickets', list: { template: 'genericList' } });
    const byName = Object.fromEntries((list.columns as Array<Record<string, unknown>>).map((c) => [c.name, c]));
    expect(byName.TicketNumber).toMatchObject({ indexed: true, enforceUniqueValues: true, text: {} });
    expect(byName.Priority).toMatchObject({ indexed: true, number: {} });
    expect(byName.Billable).toMatchObject({ indexed: false, boolean: {} });
    expect(byName.Title).toBeDefined();

    const added = await client.api(`/sites/${siteId}/lists/${list.id}/columns`).post({ name: 'ClientId', text: {} });
    expect(added).toMatchObject({ name: 'ClientId', indexed: false });
    const indexed = await client.api(`/sites/${siteId}/lists/${list.id}/columns/${added.id}`).patch({ indexed: true });
    expect(indexed.indexed).toBe(true);
    const columns = (await client.api(`/sites/${siteId}/lists/${list.id}/columns`).get()) as Page;
    expect(columns.value.map((c) => c.name)).toContain('ClientId');
    await expect(
      client.api(`/sites/${siteId}/lists/${list.id}/columns`).post({ name: 'ClientId', text: {} }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      client.api(`/sites/${siteId}/lists`).post({ displayName: 'Tickets', list: { template: 'genericList' } }),
    ).rejects.toMatchObject({ status: 409, code: 'nameAlreadyExists' });
  });

  it('creates, reads, updates and deletes items; the eTag changes on every write', async () => {
    const created = await create({
      Title: 'Printer down',
      TicketNumber: 'SUP-2026-0001',
      Status: 'open',
      Priority: 2,
      DueAt: '2026-11-26T15:00:00.000Z',
      Billable: true,
    });
    expect(created).toMatchObject({
      id: '1',
      fields: { Title: 'Printer down', Priority: 2, DueAt: '2026-11-26T15:00:00Z', Billable: true },
    });
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);

    const read = await client.api(`${items}/1`).expand('fields($select=Title,Status)').get();
    expect(read.fields).toEqual({ '@odata.etag': created.eTag, Title: 'Printer down', Status: 'open' });

    const updated = await client.api(`${items}/1/fields`).header('If-Match', created.eTag).patch({ Status: 'acknowledged' });
    expect(updated).toMatchObject({ Status: 'acknowledged', '@odata.etag': created.eTag.replace(/,1"$/, ',2"') });
    expect(graph.sharepoint.items(siteId, 'Tickets')[0]!.fields.Status).toBe('acknowledged');

    await client.api(`${items}/1`).header('If-Match', updated['@odata.etag']).delete();
    expect(graph.sharepoint.items(siteId, 'Tickets')).toEqual([]);
    await expect(client.api(`${items}/1`).get()).rejects.toMatchObject({ status: 404, code: 'itemNotFound' });
  });

  it('serves the remaining list endpoints: lists $filter, column by name, item fields, DELETE list', async () => {
    await client.api(`/sites/${siteId}/lists`).post({ displayName: 'Alert Ledger', list: { template: 'genericList' } });
    const filtered = (await client.api(`/sites/${siteId}/lists`).filter("displayName eq 'Alert Ledger'").get()) as Page;
    expect(filtered.value.map((l) => l.name)).toEqual(['AlertLedger']);
    expect(await client.api(`/sites/${siteId}/lists/Tickets/columns/Status`).get()).toMatchObject({
      name: 'Status',
      indexed: true,
      text: {},
    });
    const created = await create({ TicketNumber: 'SUP-1', Status: 'open' });
    const fields = await client.api(`${items}/${created.id}/fields`).select('TicketNumber').get();
    expect(fields).toEqual({ '@odata.etag': created.eTag, TicketNumber: 'SUP-1' });
    await client.api(`/sites/${siteId}/lists/AlertLedger`).delete();
    await expect(client.api(`/sites/${siteId}/lists/AlertLedger`).get()).rejects.toMatchObject({
      status: 404,
      code: 'itemNotFound',
    });
  });

  it('refuses a write with a stale eTag with 412, and a duplicate unique value with 409', async () => {
    const created = await create({ TicketNumber: 'SUP-2026-0001', Status: 'open' });
    await client.api(`${items}/1/fields`).header('If-Match', created.eTag).patch({ Status: 'acknowledged' });
    const stale = await client
      .api(`${items}/1/fields`)
      .header('If-Match', created.eTag)
      .patch({ Status: 'resolved' })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(GraphServiceError);
    expect(stale).toMatchObject({ status: 412, code: 'preconditionFailed', isPreconditionFailed: true });
    await expect(client.api(`${items}/1`).header('If-Match', created.eTag).delete()).rejects.toMatchObject({ status: 412 });
    await expect(create({ TicketNumber: 'SUP-2026-0001' })).rejects.toMatchObject({ status: 409 });
    // How Graph refuses a duplicate is undocumented: the service answers it in turn 409, 400, 500 (generic body).
    await expect(create({ TicketNumber: 'SUP-2026-0001' })).rejects.toMatchObject({
      status: 400,
      code: 'invalidRequest',
      message: expect.stringContaining('Invalid request'),
    });
    await expect(create({ TicketNumber: 'SUP-2026-0001' })).rejects.toMatchObject({ status: 500, code: 'generalException' });
    // errors.md: "ETags must be quoted strings" (malformedEntityTag).
    const current = graph.sharepoint.items(siteId, 'Tickets')[0]!.eTag;
    await expect(
      client.api(`${items}/1/fields`).header('If-Match', current.replace(/"/g, '')).patch({ Status: 'x' }),
    ).rejects.toMatchObject({ status: 400, code: 'malformedEntityTag' });
  });

  it('refuses unknown fields, wrong types and read-only fields, naming the field', async () => {
    await expect(create({ Nope: 1 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("Field 'Nope' is not recognized"),
    });
    await expect(create({ Priority: 'high' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("Field 'Priority' expects a number"),
    });
    await expect(create({ Modified: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("'Modified' is read-only"),
    });
  });

  it('filters on indexed fields; a non-indexed filter fails unless Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
    await create({ TicketNumber: 'A', Status: 'open', Priority: 1, Billable: true });
    await create({ TicketNumber: 'B', Status: 'closed', Priority: 2, Billable: false });
    await create({ TicketNumber: 'C', Status: 'open', Priority: 3, Billable: false });

    const open = (await client
      .api(items)
      .expand('fields($select=TicketNumber)')
      .filter("fields/Status eq 'open' and fields/Priority ge 2")
      .get()) as Page;
    expect(open.value.map((i) => i.fields!.TicketNumber)).toEqual(['C']);

    const refused = await client
      .api(items)
      .expand('fields')
      .filter('fields/Billable eq true')
      .get()
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect((refused as Error).message).toContain(
      "Field 'Billable' cannot be referenced in filter or orderby as it is not indexed",
    );

    const allowed = (await client
      .api(items)
      .expand('fields')
      .filter('fields/Billable eq true')
      .header('Prefer', HONOR_NON_INDEXED)
      .get()) as Page;
    expect(allowed.value.map((i) => i.fields!.TicketNumber)).toEqual(['A']);
  });

  it('orders by indexed fields only', async () => {
    await create({ TicketNumber: 'A', Priority: 2, Notes: 'x' });
    await create({ TicketNumber: 'B', Priority: 3, Notes: 'y' });
    await create({ TicketNumber: 'C', Priority: 1, Notes: 'z' });
    const byPriority = (await client.api(items).expand('fields').orderby('fields/Priority desc').get()) as Page;
    expect(byPriority.value.map((i) => i.fields!.TicketNumber)).toEqual(['B', 'A', 'C']);
    await expect(client.api(items).orderby('fields/Notes').get()).rejects.toMatchObject({ status: 400, code: 'invalidRequest' });
  });

  it('pages items with $top and @odata.nextLink, keeping filter and order, without skipping rows changed meanwhile', async () => {
    for (let i = 1; i <= 7; i++) await create({ TicketNumber: `T${i}`, Status: 'open', Priority: i % 3 });
    const seen: string[] = [];
    let page = (await client
      .api(items)
      .expand('fields')
      .filter("fields/Status eq 'open'")
      .orderby('fields/Priority')
      .top(3)
      .get()) as Page;
    let pages = 1;
    for (;;) {
      seen.push(...page.value.map((i) => i.fields!.TicketNumber as string));
      if (pages === 1) {
        // Close the items just read, as an SLA sweep would: the cursor must not skip the rest.
        for (const i of page.value) await client.api(`${items}/${i.id}/fields`).patch({ Status: 'closed' });
      }
      if (!page['@odata.nextLink']) break;
      page = (await client.api(page['@odata.nextLink']).get()) as Page;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['T3', 'T6', 'T1', 'T4', 'T7', 'T2', 'T5']);
  });

  it('serves a default page (200) without $top and caps $top at the max page size (5000, configurable)', async () => {
    const small = await startGraphService({ listItemsDefaultPageSize: 4, listItemsMaxPageSize: 5 });
    try {
      const c = small.client();
      const s = small.sharepoint.addSite({ hostname: 'contoso.sharepoint.com', path: '/sites/x' });
      await c.api(`/sites/${s.id}/lists`).post({ displayName: 'L', list: { template: 'genericList' } });
      for (let i = 0; i < 7; i++) await c.api(`/sites/${s.id}/lists/L/items`).post({ fields: { Title: `t${i}` } });
      expect(((await c.api(`/sites/${s.id}/lists/L/items`).get()) as Page).value).toHaveLength(4);
      const capped = (await c.api(`/sites/${s.id}/lists/L/items`).top(100).get()) as Page;
      expect(capped.value).toHaveLength(5);
      expect(((await c.api(capped['@odata.nextLink']!).get()) as Page).value).toHaveLength(2);
    } finally {
      await small.close();
    }
    for (let start = 0; start < 201; start += 20) {
      const requests = Array.from({ length: Math.min(20, 201 - start) }, (_, k) => ({
        id: String(k + 1),
        method: 'POST',
        url: items,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { TicketNumber: `N${start + k}` } },
      }));
      const batch = await client.api('/$batch').post({ requests });
      expect((batch.responses as Array<{ status: number }>).every((r) => r.status === 201)).toBe(true);
    }
    const first = (await client.api(items).get()) as Page;
    expect(first.value).toHaveLength(200);
    expect(((await client.api(first['@odata.nextLink']!).get()) as Page).value).toHaveLength(1);
  });
});
