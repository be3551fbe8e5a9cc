import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../bot/config';
import { seedDemo } from '../../bot/demo/seed-demo';
import { buildMailer } from '../../bot/mail/mail-wiring';
import { openSqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { startWiring } from './start-wiring';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'mail');

/**
 * docs/client-day.md walks a client's day with the examples in examples/mail/: this test drops them
 * through the npm start wiring (demo data, maildrop in, outbox out) and checks what the page shows.
 */
test('the client-day examples: report, after-hours request, confirm and reject by replying', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-client-day-'));
  const config = parseConfig({ DATA_DIR: dataDir });
  // Friday 4 December 2026, 07:50 in Mexico City, as in the page.
  const clock = { now: () => new Date('2026-12-04T13:50:00Z') };
  const store = await openSqliteStore({ dataDir, clock });
  try {
    const { services, channel } = startWiring(config, store, clock, buildMailer(config, clock)!);
    expect(await seedDemo(store, services)).toMatchObject({ seeded: true });
    const maildrop = path.join(dataDir, 'maildrop');
    mkdirSync(maildrop, { recursive: true });
    // One message per poll, so the tickets are numbered in the page's order.
    const drop = async (...names: string[]) => {
      const outcomes = [];
      for (const name of names) {
        copyFileSync(path.join(EXAMPLES, name), path.join(maildrop, name));
        outcomes.push(...(await channel.poller.pollOnce()).outcomes);
      }
      return outcomes;
    };
    const outbox = (kind: string) => {
      const names = readdirSync(path.join(dataDir, 'outbox')).filter((name) => name.endsWith(`-${kind}.eml`));
      expect(names).toHaveLength(1);
      return readFileSync(path.join(dataDir, 'outbox', names[0]), 'utf8');
    };

    expect(await drop('new-incident.eml', 'addin-tagged.eml', 'after-hours-request.eml')).toEqual([
      expect.objectContaining({ id: 'new-incident.eml', action: 'opened', ticketNumber: 'SUP-2026-0003' }),
      expect.objectContaining({ id: 'addin-tagged.eml', action: 'opened', ticketNumber: 'SUP-2026-0004' }),
      expect.objectContaining({ id: 'after-hours-request.eml', action: 'opened', ticketNumber: 'SUP-2026-0005' }),
    ]);
    expect(outbox('SUP-2026-0003-acknowledgement')).toMatch(/Content-Language: es-MX[\s\S]*lunes 7 de diciembre de 2026, 15:00/);
    expect(outbox('SUP-2026-0004-acknowledgement')).toMatch(/Content-Language: en[\s\S]*Friday, December 4, 2026, 12:30/);
    expect(await store.afterHours.listWindows({ clientId: 'demo' })).toEqual([
      expect.objectContaining({ status: 'requested', start: '2026-12-05T16:00:00.000Z', end: '2026-12-05T20:00:00.000Z' }),
    ]);

    const alex = { role: 'L2' as const, id: 'demo-alex' };
    for (const number of ['SUP-2026-0003', 'SUP-2026-0004']) {
      const ticket = (await store.tickets.getByNumber(number))!;
      await services.tickets.resolve(alex, { ticketId: ticket.id, expectedVersion: ticket.version }, 'Fixed.');
    }
    expect(await drop('reply-confirm.eml', 'reply-reject.eml')).toEqual([
      expect.objectContaining({ id: 'reply-confirm.eml', action: 'resolution-validated', ticketNumber: 'SUP-2026-0003' }),
      expect.objectContaining({ id: 'reply-reject.eml', action: 'resolution-rejected', ticketNumber: 'SUP-2026-0004' }),
    ]);
    expect(outbox('SUP-2026-0003-closure')).toContain('In-Reply-To: <example-reply-confirm@cliente-demo.example>');
    expect(outbox('SUP-2026-0004-reopened')).toMatch(/Content-Language: en[\s\S]*Subject: \[SUP-2026-0004\] Reopened/);
    expect((await store.tickets.getByNumber('SUP-2026-0003'))!.status).toBe('closed');
    expect((await store.tickets.getByNumber('SUP-2026-0004'))!.status).toBe('open');
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
