import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphBatch, type GraphStep } from '../../../shared/infra/graph/graph-batch';
import { StepQueue } from '../../../shared/infra/graph/step-queue';
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

  describe('withFollowers', () => {
    const listKeys = async () =>
      ((await client.api(`${items}?$expand=fields`).get()) as { value: Array<{ fields: { Key: string } }> }).value
        .map((i) => i.fields.Key)
        .sort();
    /** A follower as the stores write: one step in its first turn, then one more once that one answered. */
    const follower = (first: string, then: string) => async () => {
      const a = await queue.submit({ method: 'POST', url: items, body: { fields: { Key: first } } });
      const b = await queue.submit({ method: 'POST', url: items, body: { fields: { Key: then } } });
      return [a.status, b.status];
    };

    it("sends the follower's first steps in the lead's batch, after it; its later steps once the lead succeeded", async () => {
      const { lead, followed } = await queue.withFollowers(
        { method: 'POST', url: items, body: { fields: { Key: 'lead' } } },
        follower('first', 'then'),
      );
      expect(lead.status).toBe(201);
      expect(await followed).toEqual([201, 201]);
      expect(graph.requests.count()).toBe(2);
      const first = graph.requests.list({ inBatch: 'any' }).slice(0, 3);
      expect(first.map((r) => [r.inBatch, r.method])).toEqual([
        [true, 'POST'],
        [true, 'POST'],
        [false, 'POST'],
      ]);
      expect(await listKeys()).toEqual(['first', 'lead', 'then']);
    });

    it('writes nothing of the follower when the lead is refused: its steps answer 424, early and late', async () => {
      await queue.submit({ method: 'POST', url: items, body: { fields: { Key: 'taken' } } });
      graph.requests.reset();
      const late: number[] = [];
      const { lead, followed } = await queue.withFollowers(
        { method: 'POST', url: items, body: { fields: { Key: 'taken' } } },
        async () => {
          late.push((await queue.submit({ method: 'POST', url: items, body: { fields: { Key: 'first' } } })).status);
          late.push((await queue.submit({ method: 'POST', url: items, body: { fields: { Key: 'then' } } })).status);
        },
      );
      expect(lead.status).toBeGreaterThanOrEqual(400);
      await followed;
      expect(late).toEqual([424, 424]);
      expect(graph.requests.count()).toBe(1);
      expect(await listKeys()).toEqual(['taken']);
    });

    it('sends the lead alone when its followers do not fit in its batch, then the followers', async () => {
      const { lead, followed } = await queue.withFollowers(
        { method: 'POST', url: items, body: { fields: { Key: 'lead' } } },
        () =>
          Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              queue.submit({ method: 'POST', url: items, body: { fields: { Key: `f${i}` } } }),
            ),
          ),
      );
      expect(lead.status).toBe(201);
      expect((await followed).map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(graph.requests.count()).toBe(2);
    });

    it('sends a follower that leads followers of its own after its own lead', async () => {
      const inner = () =>
        queue.withFollowers({ method: 'POST', url: items, body: { fields: { Key: 'inner' } } }, follower('first', 'then'));
      const { lead, followed } = await queue.withFollowers(
        { method: 'POST', url: items, body: { fields: { Key: 'outer' } } },
        inner,
      );
      expect(lead.status).toBe(201);
      const nested = await followed;
      expect(nested.lead.status).toBe(201);
      expect(await nested.followed).toEqual([201, 201]);
      const posted = graph.requests.list({ inBatch: true }).map((r) => r.status);
      expect(posted).toEqual([201, 201, 201, 201]);
      expect(await listKeys()).toEqual(['first', 'inner', 'outer', 'then']);
      const created = (
        (await client.api(`${items}?$expand=fields`).get()) as { value: Array<{ id: string; fields: { Key: string } }> }
      ).value;
      const order = created.sort((x, y) => Number(x.id) - Number(y.id)).map((i) => i.fields.Key);
      expect(order.slice(0, 2)).toEqual(['outer', 'inner']);
    });

    it('leaves the steps asked outside the follower as they are', async () => {
      const [{ lead, followed }, lone] = await Promise.all([
        queue.withFollowers({ method: 'POST', url: items, body: { fields: { Key: 'lead' } } }, follower('first', 'then')),
        queue.submit(read()),
      ]);
      expect([lead.status, lone.status]).toEqual([201, 200]);
      expect(await followed).toEqual([201, 201]);
      expect(await listKeys()).toEqual(['first', 'lead', 'then']);
    });
  });

  it('refuses an empty group and one larger than a batch', () => {
    expect(() => queue.submitGroup([])).toThrow(/1 to 20 steps/);
    expect(() => queue.submitGroup(Array.from({ length: 21 }, (_, i) => create(`s${i}`, `k${i}`)))).toThrow(/got 21/);
  });
});
