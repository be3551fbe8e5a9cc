import { BatchRequestContent, BatchResponseContent, type Client } from '@microsoft/microsoft-graph-client';
import { GraphServiceError } from '../../../shared/infra/graph';
import { BATCH_MAX_REQUESTS, startGraphService, type GraphService } from '../../support/graph-service';

interface StepResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown> & { fields?: Record<string, unknown> };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

describe('Graph service: JSON batching ($batch) through the real Graph SDK client', () => {
  let graph: GraphService;
  let client: Client;
  let lists: string;
  let siteId: string;

  beforeEach(async () => {
    graph = await startGraphService();
    client = graph.client();
    const site = graph.sharepoint.addSite({ hostname: 'contoso.sharepoint.com', path: '/sites/support' });
    siteId = site.id;
    lists = `/sites/${siteId}/lists`;
    await client.api(lists).post({
      displayName: 'Tickets',
      columns: [{ name: 'Status', text: {}, indexed: true }],
      list: { template: 'genericList' },
    });
  });
  afterEach(() => graph.close());

  const post = async (requests: unknown[]) => (await client.api('/$batch').post({ requests })).responses as StepResponse[];
  /** Graph may answer a batch in any order: its responses, put back in request order by id. */
  const inOrder = (responses: StepResponse[], ids: string[]) => ids.map((id) => responses.find((r) => r.id === id)!);
  const createStep = (id: string, status: string) => ({
    id,
    method: 'POST',
    url: `${lists}/Tickets/items`,
    headers: JSON_HEADERS,
    body: { fields: { Status: status } },
  });

  it(`runs ${BATCH_MAX_REQUESTS} requests in one round trip, each with its own status, headers and body`, async () => {
    const requests = Array.from({ length: BATCH_MAX_REQUESTS }, (_, i) => createStep(String(i + 1), `s${i + 1}`));
    graph.requests.reset();
    const answered = await post(requests);
    expect(answered.map((r) => r.id)).not.toEqual(requests.map((r) => r.id));
    const responses = inOrder(
      answered,
      requests.map((r) => r.id),
    );
    expect(responses).toHaveLength(20);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(responses[4]).toMatchObject({
      id: '5',
      headers: { 'Content-Type': expect.stringContaining('application/json') },
      body: { fields: { Status: 's5' } },
    });
    expect(graph.requests.count()).toBe(1);
    expect(graph.requests.count({ inBatch: true, method: 'POST', path: '/sites/*/lists/*/items' })).toBe(20);
    expect(graph.sharepoint.items(siteId, 'Tickets')).toHaveLength(20);
  });

  it(`refuses a batch of ${BATCH_MAX_REQUESTS + 1} requests as a whole, as Graph documents`, async () => {
    const requests = Array.from({ length: BATCH_MAX_REQUESTS + 1 }, (_, i) => createStep(String(i + 1), 'x'));
    const error = await client
      .api('/$batch')
      .post({ requests })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphServiceError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BadRequest',
      message: expect.stringContaining('Number of requests inside batch exceeds the limit.'),
    });
    expect(graph.sharepoint.items(siteId, 'Tickets')).toHaveLength(0);
  });

  it('orders steps by dependsOn and answers 424 for a step whose dependency failed', async () => {
    const responses = await post([
      {
        id: 'item',
        method: 'POST',
        url: `${lists}/Later/items`,
        headers: JSON_HEADERS,
        body: { fields: { Title: 'first item' } },
        dependsOn: ['list'],
      },
      {
        id: 'list',
        method: 'POST',
        url: lists,
        headers: JSON_HEADERS,
        body: { displayName: 'Later', list: { template: 'genericList' } },
      },
      { id: 'bad', method: 'GET', url: `${lists}/Missing/items`, dependsOn: ['item'] },
      { id: 'after-bad', method: 'GET', url: `${lists}/Tickets/items`, dependsOn: ['bad'] },
    ]);
    const byId = Object.fromEntries(responses.map((r) => [r.id, r]));
    expect(byId.list!.status).toBe(201);
    expect(byId.item).toMatchObject({ status: 201, body: { fields: { Title: 'first item' } } });
    expect(byId.bad).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
    expect(byId['after-bad']).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
  });

  it('refuses a batch neither fully sequential nor fully parallel, as a whole (400)', async () => {
    const mixed = [createStep('1', 'a'), { ...createStep('2', 'b'), dependsOn: ['1'] }, createStep('3', 'c')];
    const star = [
      createStep('1', 'a'),
      { ...createStep('2', 'b'), dependsOn: ['1'] },
      { ...createStep('3', 'c'), dependsOn: ['1'] },
    ];
    for (const requests of [mixed, star]) {
      await expect(client.api('/$batch').post({ requests })).rejects.toMatchObject({
        status: 400,
        body: { error: { code: 'BadRequest', message: 'Batch should be either fully sequential or fully parallel.' } },
      });
    }
    expect(graph.sharepoint.items(siteId, 'Tickets')).toEqual([]);
  });

  it('throttles individual steps inside a batch with 429 and Retry-After; a step before the Retry-After is throttled again', async () => {
    graph.faults.inject({ status: 429, retryAfter: 3, times: 1, method: 'POST', path: '/sites/*/lists/*/items', inBatch: true });
    const responses = inOrder(
      await post([
        createStep('1', 'a'),
        createStep('2', 'b'),
        createStep('3', 'c'),
        { id: '4', method: 'GET', url: `${lists}/Tickets/items` },
      ]),
      ['1', '2', '3', '4'],
    );
    expect(responses.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect(responses[0]).toMatchObject({ headers: { 'Retry-After': '3' }, body: { error: { code: 'TooManyRequests' } } });
    expect(Number(responses[1]!.headers['Retry-After'])).toBeGreaterThan(2);
    expect(Number(responses[1]!.headers['Retry-After'])).toBeLessThanOrEqual(3);
    expect(graph.faults.early).toBe(2);
    expect(graph.sharepoint.items(siteId, 'Tickets')).toEqual([]);
  });

  it('refuses malformed batches: duplicate ids, unknown dependsOn, body without Content-Type', async () => {
    await expect(client.api('/$batch').post({ requests: [createStep('1', 'a'), createStep('1', 'b')] })).rejects.toMatchObject({
      status: 400,
    });
    await expect(client.api('/$batch').post({ requests: [{ ...createStep('1', 'a'), dependsOn: ['9'] }] })).rejects.toMatchObject(
      { status: 400 },
    );
    await expect(client.api('/$batch').post({ nope: [] })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Invalid batch payload format.'),
    });
    const [step] = await post([{ id: '1', method: 'POST', url: `${lists}/Tickets/items`, body: { fields: { Status: 'a' } } }]);
    expect(step).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
  });

  it("accepts the SDK's BatchRequestContent (URLs with the version segment) and its BatchResponseContent reads the answer", async () => {
    const content = new BatchRequestContent([
      {
        id: 'a',
        request: new Request(`${graph.baseUrl}/v1.0${lists}/Tickets/items`, {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify({ fields: { Status: 'sdk' } }),
        }),
      },
      { id: 'b', request: new Request(`${graph.baseUrl}/v1.0${lists}/Tickets/items?$expand=fields`), dependsOn: ['a'] },
    ]);
    const answer = new BatchResponseContent(await client.api('/$batch').post(await content.getContent()));
    expect(answer.getResponseById('a').status).toBe(201);
    expect(
      ((await answer.getResponseById('b').json()) as { value: Array<{ fields: { Status: string } }> }).value.map(
        (i) => i.fields.Status,
      ),
    ).toEqual(['sdk']);
  });

  it('takes a body that is not JSON base64-encoded ("a base64 URL-encoded value"): sendMail in MIME form', async () => {
    graph.mail.addMailbox({ userPrincipalName: 'support@contoso.test' });
    const mime = [
      'From: support@contoso.test',
      'To: ana@client.test',
      'Subject: Hola',
      'Message-ID: <batch-1@contoso.test>',
      '',
      'Hola.',
      '',
    ].join('\r\n');
    const base64Mime = Buffer.from(mime, 'utf8').toString('base64');
    const sendMail = (id: string, body: string) => ({
      id,
      method: 'POST',
      url: '/users/support@contoso.test/sendMail',
      headers: { 'Content-Type': 'text/plain' },
      body,
    });
    const [sent] = await post([sendMail('encoded', Buffer.from(base64Mime, 'ascii').toString('base64'))]);
    expect(sent!.status).toBe(202);
    expect(graph.mail.sent('support@contoso.test').map((m) => m.internetMessageId)).toEqual(['<batch-1@contoso.test>']);
    // The base64 MIME put in the batch as is: Graph decodes it once, and sendMail gets raw MIME (400).
    const [raw] = await post([
      {
        id: 'raw',
        method: 'POST',
        url: '/users/support@contoso.test/sendMail',
        headers: { 'Content-Type': 'text/plain' },
        body: base64Mime,
      },
    ]);
    expect(raw).toMatchObject({ status: 400, body: { error: { code: 'ErrorMimeContentInvalidBase64String' } } });
    const [notEncoded] = await post([
      {
        id: 'text',
        method: 'POST',
        url: '/users/support@contoso.test/sendMail',
        headers: { 'Content-Type': 'text/plain' },
        body: mime,
      },
    ]);
    expect(notEncoded).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
    expect(graph.mail.sent('support@contoso.test')).toHaveLength(1);
  });

  it('carries mail requests too, with binary bodies base64-encoded', async () => {
    graph.mail.addMailbox({ userPrincipalName: 'support@contoso.test' });
    const id = graph.mail.seed('support@contoso.test', { subject: 'Hi', from: 'ana@client.test' });
    const responses = await post([
      {
        id: '1',
        method: 'PATCH',
        url: `/users/support@contoso.test/messages/${id}`,
        headers: JSON_HEADERS,
        body: { categories: ['SUP-2026-0007'] },
      },
      { id: '2', method: 'GET', url: `/users/support@contoso.test/messages/${id}/$value`, dependsOn: ['1'] },
    ]);
    const [patched, raw] = inOrder(responses, ['1', '2']);
    expect(patched).toMatchObject({ status: 200, body: { categories: ['SUP-2026-0007'] } });
    expect(Buffer.from(raw!.body as unknown as string, 'base64').toString('utf8')).toContain('Subject: Hi');
  });
});
