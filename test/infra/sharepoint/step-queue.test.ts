import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphBatch, type GraphStep } from '../../../shared/infra/sharepoint/graph-batch';
import { StepQueue } from '../../../shared/infra/sharepoint/step-queue';
import { startGraphService, type GraphService } from '../../support/graph-service';

/** The queue that makes independent requests of one turn of the event loop leave as one $batch, against the strict service. */
describe('StepQueue', () => {
  let graph: GraphService;
  let client: Client;
  let items: string;
  let queue: StepQueue;

  beforeEach(async () => {
    graph = await startGraphService();
    client = graph.client();
    const site = graph.sharepoint.addSite({ hostname: 'contoso.sharepoint.com', path: '/sites/support' });
    const list = `/sites/${site.id}/lists`;
    await client.api(list).post({
      displayName: 'Tickets',
      columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }],
      list: { template: 'genericList' },
    });
    items = `${list}/Tickets/items`;
    queue = new StepQueue(new GraphBatch(client, { maxRetryDelayMs: 50 }));
    graph.requests.reset();
  });
  afterEach(() => graph.close());

  const create = (id: string, key: string, dependsOn?: string[]): GraphStep => ({
    id,
    method: 'POST',
    url: items,
    body: { fields: { Key: key } },
    ...(dependsOn ? { dependsOn } : {}),
  });
  const read = () => ({ method: 'GET' as const, url: `${items}?$expand=fields&$top=10` });

  it('sends a group with the lone steps asked in the same turn, in one $batch; each caller gets its own results by its ids', async () => {
    const [group, lone] = await Promise.all([
      queue.submitGroup([create('ticket', 'a'), create('event', 'a#1', ['ticket'])]),
      queue.submit(read()),
    ]);
    expect(graph.requests.count()).toBe(1);
    expect([...group.keys()]).toEqual(['ticket', 'event']);
    expect([group.get('ticket')!.status, group.get('event')!.status, lone.status]).toEqual([201, 201, 200]);
  });

  it('never splits a group: what does not fit in the batch goes whole in the next one', async () => {
    const lone = Array.from({ length: 18 }, () => queue.submit(read()));
    const group = queue.submitGroup([
      create('ticket', 'b'),
      create('event-1', 'b#1', ['ticket']),
      create('event-2', 'b#2', ['ticket']),
    ]);
    await group;
    expect((await Promise.all(lone)).map((r) => r.status)).toEqual(Array(18).fill(200));
    const batches = graph.requests.list({ inBatch: 'any' });
    expect(batches.filter((r) => !r.inBatch)).toHaveLength(2);
    // The group's three steps are the second batch's only steps.
    const second = batches.slice(batches.findIndex((r) => !r.inBatch) + 1);
    expect(second.filter((r) => r.inBatch).map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('keeps dependsOn inside a group: when its write is refused, the steps depending on it are not written (424)', async () => {
    await queue.submitGroup([create('ticket', 'taken')]);
    const [group, lone] = await Promise.all([
      queue.submitGroup([create('ticket', 'taken'), create('event', 'taken#1', ['ticket'])]),
      queue.submitGroup([create('ticket', 'free')]),
    ]);
    expect(group.get('ticket')!.status).toBeGreaterThanOrEqual(400);
    expect(group.get('event')!.status).toBe(424);
    expect(lone.get('ticket')!.status).toBe(201);
    // One chain on the wire: the lone write, cut off by the refused one before it, went again in a second batch.
    expect(graph.requests.count()).toBe(3);
    const keys = ((await client.api(`${items}?$expand=fields`).get()) as { value: Array<{ fields: { Key: string } }> }).value;
    expect(keys.map((i) => i.fields.Key).sort()).toEqual(['free', 'taken']);
  });

  it('sends a batch with dependsOn as one chain, and sends again a step refused only for a failure that is not its own', async () => {
    await queue.submitGroup([create('old', 'dup')]);
    graph.requests.reset();
    const group = await queue.submitGroup([
      create('ticket', 'c'),
      create('event-1', 'dup', ['ticket']),
      create('event-2', 'c#2', ['ticket']),
    ]);
    expect([group.get('ticket')!.status, group.get('event-2')!.status]).toEqual([201, 201]);
    expect(group.get('event-1')!.status).toBeGreaterThanOrEqual(400);
    expect(group.get('event-1')!.status).not.toBe(424);
    const inner = graph.requests.list({ inBatch: true });
    // event-2 was cut off by event-1's refusal (424 on the wire) and written alone in the next batch.
    expect(graph.requests.count()).toBe(2);
    expect(inner.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('refuses an empty group and one larger than a batch', () => {
    expect(() => queue.submitGroup([])).toThrow(/1 to 20 steps/);
    expect(() => queue.submitGroup(Array.from({ length: 21 }, (_, i) => create(`s${i}`, `k${i}`)))).toThrow(/got 21/);
  });
});
