import { LISTS, openSharePointStore, provisionSite, SCHEMA_VERSION, type ProvisionEvent } from '../../../shared/infra/sharepoint';
import { startGraphService, type GraphService } from '../../support/graph-service';
import { SITE_URL } from './sharepoint-harness';

describe('provisionSite: the SharePoint lists through the real Graph SDK client', () => {
  let graph: GraphService;
  let siteId: string;

  beforeEach(async () => {
    graph = await startGraphService();
    siteId = graph.sharepoint.addSite({ hostname: 'contoso.sharepoint.com', path: '/sites/soporte' }).id;
  });
  afterEach(() => graph.close());

  it('creates every list with typed columns, indexes on every filtered column and unique keys, reporting progress', async () => {
    const events: ProvisionEvent[] = [];
    const report = await provisionSite({ client: graph.client(), site: SITE_URL, onProgress: (e) => events.push(e) });
    expect(report.siteId).toBe(siteId);
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    const specs = Object.values(LISTS);
    expect(report.changes.map((c) => `${c.list}:${c.action}`)).toEqual([
      ...specs.map((s) => `${s.name}:list-created`),
      'schema:schema-version-set',
    ]);
    expect(events.map((e) => e.done)).toEqual(specs.map((_, i) => i + 1).concat(specs.length + 1));
    expect(new Set(events.map((e) => e.total))).toEqual(new Set([specs.length + 1]));
    for (const spec of specs) {
      const stored = graph.sharepoint.columns(siteId, spec.name);
      for (const column of spec.columns) {
        const found = stored.find((c) => c.name === column.name);
        expect(found).toBeDefined();
        const wantIndexed = 'indexed' in column || 'unique' in column;
        expect({ list: spec.name, column: column.name, indexed: found!.indexed, unique: found!.enforceUniqueValues }).toEqual({
          list: spec.name,
          column: column.name,
          indexed: wantIndexed,
          unique: 'unique' in column && column.unique === true,
        });
        expect(found!.type).toBe(column.kind === 'note' ? 'text' : column.kind);
        if (column.kind === 'note') expect(found!.facet.allowMultipleLines).toBe(true);
      }
    }
    expect(graph.sharepoint.items(siteId, LISTS.counters.name)).toEqual([
      expect.objectContaining({ fields: { CounterKey: 'schema-version', Value: SCHEMA_VERSION } }),
    ]);
  });

  it('is idempotent: a second run (by site id) changes nothing and says so', async () => {
    await provisionSite({ client: graph.client(), site: SITE_URL });
    graph.requests.reset();
    const events: ProvisionEvent[] = [];
    const again = await provisionSite({ client: graph.client(), site: siteId, onProgress: (e) => events.push(e) });
    expect(again.changes).toEqual([]);
    expect(events.map((e) => e.action)).toEqual([
      ...Object.values(LISTS).map(() => 'list-unchanged'),
      'schema-version-unchanged',
    ]);
    const writes = graph.requests.list({ inBatch: 'any' }).filter((r) => r.method !== 'GET' && r.path !== '/$batch');
    expect(writes).toEqual([]);
  });

  it('completes an older site: adds a missing column, indexes and makes unique what is not', async () => {
    const client = graph.client();
    await provisionSite({ client, site: SITE_URL });
    const tickets = await client.api(`/sites/${siteId}/lists/${LISTS.tickets.name}`).get();
    const status = await client.api(`/sites/${siteId}/lists/${tickets.id}/columns/Status`).get();
    await client.api(`/sites/${siteId}/lists/${tickets.id}/columns/${status.id}`).patch({ indexed: false });
    const number = await client.api(`/sites/${siteId}/lists/${tickets.id}/columns/TicketNumber`).get();
    await client
      .api(`/sites/${siteId}/lists/${tickets.id}/columns/${number.id}`)
      .patch({ enforceUniqueValues: false, indexed: false });
    const events = await client.api(`/sites/${siteId}/lists/${LISTS.events.name}`).get();
    await client.api(`/sites/${siteId}/lists/${events.id}`).delete();
    const report = await provisionSite({ client, site: SITE_URL });
    expect(report.changes.map((c) => `${c.list}:${c.action}${c.column ? `:${c.column}` : ''}`).sort()).toEqual(
      [
        `${LISTS.events.name}:list-created`,
        `${LISTS.tickets.name}:column-indexed:Status`,
        `${LISTS.tickets.name}:column-made-unique:TicketNumber`,
      ].sort(),
    );
    const columns = graph.sharepoint.columns(siteId, LISTS.tickets.name);
    expect(columns.find((c) => c.name === 'Status')?.indexed).toBe(true);
    expect(columns.find((c) => c.name === 'TicketNumber')).toMatchObject({ indexed: true, enforceUniqueValues: true });
  });

  it('refuses a column of the wrong type, naming it', async () => {
    const client = graph.client();
    await client
      .api(`/sites/${siteId}/lists`)
      .post({ displayName: LISTS.state.name, columns: [{ name: 'StateKey', number: {} }], list: { template: 'genericList' } });
    await expect(provisionSite({ client, site: SITE_URL })).rejects.toThrow(/column StateKey is number, Soporte needs text/);
  });

  it('the store refuses a site that was not provisioned, naming the command', async () => {
    await expect(openSharePointStore({ client: graph.client(), siteId: SITE_URL })).rejects.toThrow(
      /lacks the Soporte lists .*npx soporte provision --site/,
    );
  });
});
