import { PageIterator, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { GraphServiceError } from '../../../shared/infra/graph';
import { startGraphService, type GraphService } from '../../support/graph-service';

const SUPPORT = 'support@contoso.test';
const CLIENT = { name: 'Ana López', address: 'ana@client.test' };

interface Page<T = Record<string, unknown>> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Follows @odata.nextLink to the end of one delta round; returns the items and the deltaLink. */
async function deltaRound(
  client: Client,
  first: string,
  pageSize?: number,
): Promise<{ items: Array<Record<string, unknown>>; pages: number; deltaLink: string }> {
  const items: Array<Record<string, unknown>> = [];
  let link: string | undefined = first;
  let pages = 0;
  for (;;) {
    const request = client.api(link);
    if (pageSize) request.header('Prefer', `odata.maxpagesize=${pageSize}`);
    const page = (await request.get()) as Page;
    pages += 1;
    items.push(...page.value);
    if (page['@odata.nextLink']) {
      link = page['@odata.nextLink'];
      continue;
    }
    expect(page['@odata.deltaLink']).toBeDefined();
    return { items, pages, deltaLink: page['@odata.deltaLink']! };
  }
}

describe('Graph service: mail through the real Graph SDK client', () => {
  let graph: GraphService;
  let client: Client;

  beforeEach(async () => {
    graph = await startGraphService();
    client = graph.client();
    graph.mail.addMailbox({ userPrincipalName: SUPPORT, displayName: 'Soporte' });
  });
  afterEach(() => graph.close());

  it('pages a delta round by nextLink, ends with a deltaLink, and resumes with only the changes', async () => {
    const ids = [];
    for (let i = 1; i <= 5; i++)
      ids.push(graph.mail.seed(SUPPORT, { subject: `Incident ${i}`, from: CLIENT, body: `<p>Body ${i}</p>` }));

    const first = await deltaRound(
      client,
      `/users/${SUPPORT}/mailFolders/inbox/messages/delta?$select=subject,from,internetMessageId,conversationId,receivedDateTime`,
      2,
    );
    expect(first.pages).toBe(3);
    expect(first.items.map((m) => m.subject)).toEqual(['Incident 1', 'Incident 2', 'Incident 3', 'Incident 4', 'Incident 5']);
    expect(first.items[0]).toMatchObject({ '@odata.type': '#microsoft.graph.message', from: { emailAddress: CLIENT } });
    expect(first.items[0]!.body).toBeUndefined(); // $select travels in the links

    const again = await deltaRound(client, first.deltaLink);
    expect(again.items).toEqual([]);

    graph.mail.seed(SUPPORT, { subject: 'Incident 6', from: CLIENT });
    graph.mail.update(SUPPORT, ids[1]!, { flag: { flagStatus: 'flagged' } });
    graph.mail.delete(SUPPORT, ids[2]!);
    const changes = await deltaRound(client, again.deltaLink);
    expect(changes.items.map((m) => m.subject ?? m['@removed'])).toEqual(['Incident 6', 'Incident 2', { reason: 'deleted' }]);
    expect(changes.items[2]!.id).toBe(ids[2]);
  });

  it('sends Preference-Applied for odata.maxpagesize and honours $top on the first request', async () => {
    for (let i = 0; i < 3; i++) graph.mail.seed(SUPPORT, { subject: `m${i}`, from: CLIENT });
    const response = (await client
      .api(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`)
      .header('Prefer', 'odata.maxpagesize=1')
      .responseType(ResponseType.RAW)
      .get()) as Response;
    expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=1');
    const top = (await client.api(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`).top(2).get()) as Page;
    expect(top.value).toHaveLength(2);
    expect(top['@odata.nextLink']).toContain('$skiptoken=');
  });

  it('delta keeps changeType and the receivedDateTime $filter in its links', async () => {
    const old = graph.mail.seed(SUPPORT, { subject: 'old', from: CLIENT, receivedDateTime: '2026-10-01T00:00:00Z' });
    graph.mail.seed(SUPPORT, { subject: 'recent', from: CLIENT, receivedDateTime: '2026-11-20T00:00:00Z' });
    const start = `/users/${SUPPORT}/mailFolders/inbox/messages/delta?changeType=created&$filter=receivedDateTime ge 2026-11-01T00:00:00Z`;
    const first = await deltaRound(client, start);
    expect(first.items.map((m) => m.subject)).toEqual(['recent']);
    graph.mail.update(SUPPORT, old, { isRead: true });
    graph.mail.seed(SUPPORT, { subject: 'new', from: CLIENT, receivedDateTime: '2026-11-25T00:00:00Z' });
    const next = await deltaRound(client, first.deltaLink);
    expect(next.items.map((m) => m.subject)).toEqual(['new']);
    await expect(
      client.api(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`).filter("subject eq 'x'").get(),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("works with the SDK's PageIterator, which ends on the deltaLink", async () => {
    for (let i = 0; i < 5; i++) graph.mail.seed(SUPPORT, { subject: `p${i}`, from: CLIENT });
    const subjects: string[] = [];
    const options = { headers: { Prefer: 'odata.maxpagesize=2' } };
    const firstPage = await client
      .api(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`)
      .header('Prefer', 'odata.maxpagesize=2')
      .get();
    const iterator = new PageIterator(
      client,
      firstPage,
      (m: { subject: string }) => {
        subjects.push(m.subject);
        return true;
      },
      options,
    );
    await iterator.iterate();
    expect(subjects).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(iterator.getDeltaLink()).toContain('$deltatoken=');
    expect(graph.requests.count({ path: '/users/*/mailFolders/inbox/messages/delta' })).toBe(3);
  });

  it('lists flagged messages across folders with $filter=flag/flagStatus eq flagged', async () => {
    const flagged = graph.mail.seed(SUPPORT, { subject: 'flag me', from: CLIENT, flag: 'flagged' });
    graph.mail.seed(SUPPORT, { subject: 'plain', from: CLIENT });
    const archived = graph.mail.seed(SUPPORT, { subject: 'old flagged', from: CLIENT, flag: 'flagged', folder: 'archive' });
    const page = (await client
      .api(`/users/${SUPPORT}/messages`)
      .filter("flag/flagStatus eq 'flagged'")
      .select('subject,flag')
      .get()) as Page;
    expect(page.value.map((m) => m.id).sort()).toEqual([flagged, archived].sort());
  });

  it('pages a message list with $top and @odata.nextLink', async () => {
    for (let i = 0; i < 5; i++)
      graph.mail.seed(SUPPORT, { subject: `m${i}`, from: CLIENT, receivedDateTime: `2026-11-0${i + 1}T10:00:00Z` });
    const first = (await client.api(`/users/${SUPPORT}/mailFolders/inbox/messages`).top(2).select('subject').get()) as Page;
    expect(first.value.map((m) => m.subject)).toEqual(['m4', 'm3']);
    const second = (await client.api(first['@odata.nextLink']!).get()) as Page;
    expect(second.value.map((m) => m.subject)).toEqual(['m2', 'm1']);
  });

  it('gets a message (as text, with attachments expanded), its MIME ($value) and its attachments', async () => {
    const id = graph.mail.seed(SUPPORT, {
      subject: 'With file',
      from: CLIENT,
      body: '<b>hello</b>',
      internetMessageId: '<abc@client.test>',
      internetMessageHeaders: [{ name: 'X-Soporte-Priority', value: 'P2' }],
      attachments: [{ name: 'log.txt', contentType: 'text/plain', content: 'line 1' }],
    });
    const message = await client
      .api(`/users/${SUPPORT}/messages/${id}`)
      .select('subject,internetMessageHeaders,hasAttachments')
      .get();
    expect(message).toMatchObject({
      id,
      subject: 'With file',
      hasAttachments: true,
      internetMessageHeaders: [{ name: 'X-Soporte-Priority', value: 'P2' }],
    });
    const mime = (await client.api(`/users/${SUPPORT}/messages/${id}/$value`).responseType(ResponseType.TEXT).get()) as string;
    expect(mime).toContain('Message-ID: <abc@client.test>');
    expect(mime).toContain('X-Soporte-Priority: P2');
    const asText = await client
      .api(`/users/${SUPPORT}/messages/${id}`)
      .header('Prefer', 'outlook.body-content-type="text"')
      .expand('attachments')
      .get();
    expect(asText).toMatchObject({ body: { contentType: 'text', content: 'hello' }, attachments: [{ name: 'log.txt' }] });
    const attachments = (await client.api(`/users/${SUPPORT}/messages/${id}/attachments`).get()) as Page;
    expect(attachments.value).toHaveLength(1);
    expect(attachments.value[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'log.txt',
      size: 6,
      contentBytes: Buffer.from('line 1').toString('base64'),
    });
  });

  it('seeds from raw MIME and returns it unchanged', async () => {
    const mime = [
      'From: Ana <ana@client.test>',
      'To: support@contoso.test',
      'Subject: Printer down',
      'Message-ID: <p1@client.test>',
      'Date: Tue, 24 Nov 2026 15:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'It does not print.',
      '',
    ].join('\r\n');
    const id = await graph.mail.seedMime(SUPPORT, mime);
    const message = await client.api(`/users/${SUPPORT}/messages/${id}`).get();
    expect(message).toMatchObject({
      subject: 'Printer down',
      internetMessageId: '<p1@client.test>',
      receivedDateTime: '2026-11-24T15:00:00Z',
      body: { contentType: 'text' },
    });
    expect(await client.api(`/users/${SUPPORT}/messages/${id}/$value`).responseType(ResponseType.TEXT).get()).toBe(mime);
  });

  it('PATCHes categories and flag, and delta reports the update', async () => {
    const id = graph.mail.seed(SUPPORT, { subject: 'Ticket me', from: CLIENT });
    const round = await deltaRound(client, `/users/${SUPPORT}/mailFolders/inbox/messages/delta`);
    const updated = await client
      .api(`/users/${SUPPORT}/messages/${id}`)
      .patch({ categories: ['SUP-2026-0042'], flag: { flagStatus: 'complete' } });
    expect(updated).toMatchObject({ categories: ['SUP-2026-0042'], flag: { flagStatus: 'complete' } });
    expect(graph.mail.get(SUPPORT, id).categories).toEqual(['SUP-2026-0042']);
    const changes = await deltaRound(client, round.deltaLink);
    expect(changes.items.map((m) => m.id)).toEqual([id]);
  });

  it('refuses a bad PATCH as Graph does', async () => {
    const id = graph.mail.seed(SUPPORT, { subject: 'x', from: CLIENT });
    await expect(client.api(`/users/${SUPPORT}/messages/${id}`).patch({ toRecipients: [] })).rejects.toMatchObject({
      status: 400,
      code: 'ErrorInvalidPropertyUpdateSentMessage',
    });
    const error = await client
      .api(`/users/${SUPPORT}/messages/AAMkmissing`)
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphServiceError);
    expect(error).toMatchObject({ status: 404, code: 'ErrorItemNotFound' });
    expect((error as GraphServiceError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sendMail is visible as sent mail and in Sent Items; custom headers must start with x-', async () => {
    await client.api(`/users/${SUPPORT}/sendMail`).post({
      message: {
        subject: '[SUP-2026-0001] Recibido',
        body: { contentType: 'HTML', content: '<p>Hola</p>' },
        toRecipients: [{ emailAddress: { address: CLIENT.address } }],
        internetMessageHeaders: [{ name: 'X-Soporte-Ticket', value: 'SUP-2026-0001' }],
      },
      saveToSentItems: true,
    });
    const sent = graph.mail.sent(SUPPORT);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'sendMail',
      subject: '[SUP-2026-0001] Recibido',
      toRecipients: [{ emailAddress: { address: CLIENT.address } }],
      internetMessageHeaders: [{ name: 'X-Soporte-Ticket', value: 'SUP-2026-0001' }],
    });
    // 202 is "accepted": the Sent Items copy appears later.
    expect(graph.mail.list(SUPPORT, 'sentitems')).toEqual([]);
    graph.mail.flushDeferred();
    expect(graph.mail.list(SUPPORT, 'sentitems').map((m) => m.subject)).toEqual(['[SUP-2026-0001] Recibido']);
    await expect(
      client.api(`/users/${SUPPORT}/sendMail`).post({
        message: {
          subject: 'x',
          toRecipients: [{ emailAddress: { address: CLIENT.address } }],
          internetMessageHeaders: [{ name: 'In-Reply-To', value: '<a@b>' }],
        },
      }),
    ).rejects.toMatchObject({ status: 400, code: 'InvalidInternetMessageHeader' });
  });

  it('reply refuses a comment together with message.body (message-reply.md)', async () => {
    const id = graph.mail.seed(SUPPORT, { subject: 'Printer down', from: CLIENT });
    await expect(
      client
        .api(`/users/${SUPPORT}/messages/${id}/reply`)
        .post({ comment: 'On it.', message: { body: { contentType: 'text', content: 'Also this.' } } }),
    ).rejects.toMatchObject({ status: 400 });
    expect(graph.mail.sent(SUPPORT)).toEqual([]);
  });

  it('reply threads with the original; createReply + send sends the draft', async () => {
    const id = graph.mail.seed(SUPPORT, {
      subject: 'Printer down',
      from: CLIENT,
      internetMessageId: '<orig@client.test>',
      conversationId: 'AAQkconv1',
    });
    await client.api(`/users/${SUPPORT}/messages/${id}/reply`).post({ comment: 'We are on it.' });
    const draft = await client.api(`/users/${SUPPORT}/messages/${id}/createReply`).post({});
    expect(draft).toMatchObject({ isDraft: true, subject: 'RE: Printer down', conversationId: 'AAQkconv1' });
    await client.api(`/users/${SUPPORT}/messages/${draft.id}`).patch({ body: { contentType: 'text', content: 'Fixed.' } });
    await client.api(`/users/${SUPPORT}/messages/${draft.id}/send`).post({});
    graph.mail.flushDeferred();
    // As with Exchange's default ids, the sent draft has a new id in Sent Items; the draft id is gone.
    await expect(client.api(`/users/${SUPPORT}/messages/${draft.id}`).get()).rejects.toMatchObject({
      status: 404,
      code: 'ErrorItemNotFound',
    });
    const sent = graph.mail.sent(SUPPORT);
    expect(
      graph.mail
        .list(SUPPORT, 'sentitems')
        .filter((m) => m.isDraft === false)
        .map((m) => m.id),
    ).toContain(sent[1]!.id);
    expect(sent[1]!.id).not.toBe(draft.id);
    expect(sent.map((s) => [s.kind, s.subject, s.inReplyTo, s.conversationId, s.toRecipients[0]!.emailAddress.address])).toEqual([
      ['reply', 'RE: Printer down', '<orig@client.test>', 'AAQkconv1', CLIENT.address],
      ['send', 'RE: Printer down', '<orig@client.test>', 'AAQkconv1', CLIENT.address],
    ]);
    expect(sent[0]!.body.content).toContain('We are on it.');
    expect(sent[1]!.body).toEqual({ contentType: 'text', content: 'Fixed.' });
  });

  it('delivers mail between two mailboxes of the service into the same conversation', async () => {
    graph.mail.addMailbox({ userPrincipalName: CLIENT.address });
    const id = graph.mail.seed(SUPPORT, { subject: 'Hello', from: CLIENT, internetMessageId: '<h1@client.test>' });
    graph.mail.seed(CLIENT.address, {
      folder: 'sentitems',
      subject: 'Hello',
      from: CLIENT,
      internetMessageId: '<h1@client.test>',
      conversationId: 'AAQkclientconv',
    });
    await client.api(`/users/${SUPPORT}/messages/${id}/reply`).post({ comment: 'Hi' });
    expect(graph.mail.list(CLIENT.address, 'inbox')).toEqual([]);
    graph.mail.flushDeferred();
    const inbox = graph.mail.list(CLIENT.address, 'inbox');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ subject: 'RE: Hello', conversationId: 'AAQkclientconv' });
  });

  it('serves the remaining mail endpoints: folder, message in folder, attachment by id and $value, replyAll, createReplyAll, DELETE', async () => {
    const id = graph.mail.seed(SUPPORT, {
      subject: 'Team thread',
      from: CLIENT,
      to: [SUPPORT, 'boss@client.test'],
      cc: ['it@client.test'],
      attachments: [
        {
          name: 'shot.png',
          contentType: 'image/png',
          content: Buffer.from([137, 80, 78, 71]),
          isInline: true,
          contentId: 'img1',
        },
      ],
    });
    const folder = await client.api(`/users/${SUPPORT}/mailFolders/inbox`).get();
    expect(folder).toMatchObject({ displayName: 'Inbox', totalItemCount: 1, unreadItemCount: 1 });
    expect(await client.api(`/users/${SUPPORT}/mailFolders/${folder.id}/messages/${id}`).select('subject').get()).toMatchObject({
      id,
      subject: 'Team thread',
    });
    await expect(client.api(`/users/${SUPPORT}/mailFolders/sentitems/messages/${id}`).get()).rejects.toMatchObject({
      status: 404,
    });

    const [attachment] = ((await client.api(`/users/${SUPPORT}/messages/${id}/attachments`).get()) as Page).value;
    expect(await client.api(`/users/${SUPPORT}/messages/${id}/attachments/${attachment!.id}`).get()).toMatchObject({
      name: 'shot.png',
      isInline: true,
      contentId: 'img1',
    });
    const bytes = (await client
      .api(`/users/${SUPPORT}/messages/${id}/attachments/${attachment!.id}/$value`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect([...new Uint8Array(bytes)]).toEqual([137, 80, 78, 71]);
    expect((await client.api(`/users/${SUPPORT}/messages/${id}`).get()).hasAttachments).toBe(false); // inline only

    await client.api(`/users/${SUPPORT}/messages/${id}/replyAll`).post({ comment: 'All of you' });
    const draft = await client.api(`/users/${SUPPORT}/messages/${id}/createReplyAll`).post({});
    const everyone = (r: Array<{ emailAddress: { address: string } }>) => r.map((x) => x.emailAddress.address);
    const [sent] = graph.mail.sent(SUPPORT);
    expect([sent!.kind, everyone(sent!.toRecipients), everyone(sent!.ccRecipients)]).toEqual([
      'replyAll',
      [CLIENT.address, 'boss@client.test'],
      ['it@client.test'],
    ]);
    expect(everyone(draft.toRecipients)).toEqual([CLIENT.address, 'boss@client.test']);

    await client.api(`/users/${SUPPORT}/messages/${id}`).delete();
    expect(graph.mail.list(SUPPORT, 'inbox')).toEqual([]);
    const [deleted] = graph.mail.list(SUPPORT, 'deleteditems');
    expect(deleted).toMatchObject({ subject: 'Team thread' });
    expect(deleted!.id).not.toBe(id);
  });

  it('keeps ids across moves when asked with Prefer: IdType="ImmutableId"', async () => {
    const id = graph.mail.seed(SUPPORT, { subject: 'keep', from: CLIENT });
    await client.api(`/users/${SUPPORT}/messages/${id}`).header('Prefer', 'IdType="ImmutableId"').delete();
    expect(graph.mail.list(SUPPORT, 'deleteditems').map((m) => m.id)).toEqual([id]);
    // The documented flow: create the draft with the header, send it by that id, read the Sent Items copy by the same id.
    const original = graph.mail.seed(SUPPORT, { subject: 'q', from: CLIENT });
    const draft = await client
      .api(`/users/${SUPPORT}/messages/${original}/createReply`)
      .header('Prefer', 'IdType="ImmutableId"')
      .post({});
    await client.api(`/users/${SUPPORT}/messages/${draft.id}/send`).post({});
    const sent = await client.api(`/users/${SUPPORT}/messages/${draft.id}`).select('isDraft,internetMessageId').get();
    expect(sent.isDraft).toBe(false);
    expect(sent.internetMessageId).toBe(graph.mail.sent(SUPPORT)[0]!.internetMessageId);
  });

  it('resolves a user by UPN to its object id, and answers an unknown user with 404 ErrorInvalidUser', async () => {
    const user = await client.api(`/users/${SUPPORT}`).get();
    expect(user).toMatchObject({
      userPrincipalName: SUPPORT,
      displayName: 'Soporte',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect((await client.api(`/users/${user.id}/mailFolders/inbox`).get()).displayName).toBe('Inbox');
    await expect(client.api('/users/nobody@contoso.test/mailFolders/inbox/messages/delta').get()).rejects.toMatchObject({
      status: 404,
      code: 'ErrorInvalidUser',
    });
  });
});
