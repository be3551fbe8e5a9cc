import type { AddressInfo } from 'node:net';
import { GRAPH_NOTIFICATION_PATH, registerGraphNotificationRoute } from '../../bot/mail/graph-notification-route';
import { createServer } from '../../bot/server';

test('POST /api/mail/notifications on the real restify server: validation echo, clientState check, delta read triggered', async () => {
  const server = createServer({ startedAt: new Date(), version: 'test' });
  let reads = 0;
  registerGraphNotificationRoute(server, 'a-long-client-state-secret', () => {
    reads += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${GRAPH_NOTIFICATION_PATH}`;
  try {
    const validation = await fetch(`${base}?validationToken=${encodeURIComponent('Validation: Token <x>')}`, { method: 'POST' });
    expect(validation.status).toBe(200);
    expect(validation.headers.get('content-type')).toContain('text/plain');
    expect(await validation.text()).toBe('Validation: Token <x>');
    const post = (value: unknown[]) =>
      fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
    expect((await post([{ clientState: 'forged', changeType: 'created' }])).status).toBe(202);
    expect(reads).toBe(0);
    expect((await post([{ clientState: 'a-long-client-state-secret', changeType: 'created' }])).status).toBe(202);
    expect(reads).toBe(1);
  } finally {
    server.close();
  }
});
