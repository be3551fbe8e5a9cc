import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startGraphService, type GraphService } from '../../support/graph-service';

const SUPPORT = 'support@contoso.test';

/** A notification endpoint as the app would run it: echoes validationToken, records notifications. */
async function startReceiver(options: {
  echo: boolean;
}): Promise<{ url: string; received: unknown[]; close: () => Promise<void> }> {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (token !== null) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(options.echo ? token : 'nope');
        return;
      }
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graph/notifications`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Graph service: mail change notifications (subscriptions)', () => {
  let graph: GraphService;
  let client: Client;
  const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

  beforeEach(async () => {
    graph = await startGraphService();
    client = graph.client();
    graph.mail.addMailbox({ userPrincipalName: SUPPORT });
  });
  afterEach(() => graph.close());

  it('validates the endpoint, then posts created and updated notifications with the clientState', async () => {
    const receiver = await startReceiver({ echo: true });
    try {
      const subscription = await client.api('/subscriptions').post({
        changeType: 'created,updated',
        notificationUrl: receiver.url,
        resource: `users/${SUPPORT}/mailFolders('Inbox')/messages`,
        expirationDateTime: inTwoDays(),
        clientState: 'secret-123',
      });
      expect(subscription).toMatchObject({ id: expect.any(String), changeType: 'created,updated', clientState: 'secret-123' });
      const id = graph.mail.seed(SUPPORT, { subject: 'new', from: 'ana@client.test' });
      graph.mail.seed(SUPPORT, { subject: 'archived', from: 'ana@client.test', folder: 'archive' });
      await client.api(`/users/${SUPPORT}/messages/${id}`).patch({ categories: ['SUP-1'] });
      await graph.subscriptions.flush();
      expect(receiver.received).toEqual([
        {
          value: [
            expect.objectContaining({
              subscriptionId: subscription.id,
              changeType: 'created',
              clientState: 'secret-123',
              resourceData: expect.objectContaining({ id }),
            }),
          ],
        },
        { value: [expect.objectContaining({ changeType: 'updated', resourceData: expect.objectContaining({ id }) })] },
      ]);
      expect(graph.subscriptions.deliveries.map((d) => d.status)).toEqual([202, 202]);

      const renewed = await client
        .api(`/subscriptions/${subscription.id}`)
        .patch({ expirationDateTime: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      expect(Date.parse(renewed.expirationDateTime)).toBeGreaterThan(Date.parse(subscription.expirationDateTime));
      expect(((await client.api('/subscriptions').get()) as { value: unknown[] }).value).toHaveLength(1);
      await client.api(`/subscriptions/${subscription.id}`).delete();
      graph.mail.seed(SUPPORT, { subject: 'after delete', from: 'ana@client.test' });
      await graph.subscriptions.flush();
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a subscription whose endpoint does not echo the validation token, or that expires too late', async () => {
    const receiver = await startReceiver({ echo: false });
    try {
      const resource = `users/${SUPPORT}/messages`;
      await expect(
        client
          .api('/subscriptions')
          .post({ changeType: 'created', notificationUrl: receiver.url, resource, expirationDateTime: inTwoDays() }),
      ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Subscription validation request failed') });
      const tooLate = new Date(Date.now() + 8 * 86_400_000).toISOString();
      await expect(
        client
          .api('/subscriptions')
          .post({ changeType: 'created', notificationUrl: receiver.url, resource, expirationDateTime: tooLate }),
      ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('10080 minutes') });
      expect(graph.subscriptions.list()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
