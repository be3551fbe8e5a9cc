import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTicketAttachments } from '../../shared/application/ticket-attachments';
import { openSqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { seedAcme } from '../support/acme';
import { waitUntil } from '../support/wait-until';
import { killAll, startServer } from './server-process';

// Wednesday 4 March 2026, 11:00 in Mexico City (support hours).
const T0 = '2026-03-04T17:00:00.000Z';
// The restarted server's clock: past the 10-minute lease of a claim the dead process left uncompleted.
const AFTER_LEASE = '2026-03-04T17:11:00.000Z';

function acknowledgements(dataDir: string): string[] {
  const dir = join(dataDir, 'outbox');
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('-acknowledgement.eml')).map((n) => readFileSync(join(dir, n), 'utf8'));
}

async function seedClient(dataDir: string): Promise<void> {
  const store = await openSqliteStore({ dataDir });
  try {
    await seedAcme(store);
  } finally {
    await store.close();
  }
}

function dropMail(dataDir: string): void {
  mkdirSync(join(dataDir, 'maildrop'), { recursive: true });
  const raw = [
    'From: Ana <ana@acme.example>',
    'To: soporte@soporte.local',
    'Subject: No podemos facturar',
    'Date: Wed, 4 Mar 2026 10:59:00 -0600',
    'Message-ID: <crash-ack@acme.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'El timbrado falla desde las 10.',
    '--b1',
    'Content-Type: text/plain; name="timbrado.log"',
    'Content-Disposition: attachment; filename="timbrado.log"',
    '',
    'ERROR 301 CFDI rechazado',
    '--b1--',
    '',
  ].join('\r\n');
  writeFileSync(join(dataDir, 'maildrop', 'crash-ack.eml'), raw);
}

describe("an acknowledgement survives kill -9 at every step of its send, and the email's attachments are kept (issue 10, points 10 and 11)", () => {
  jest.setTimeout(180_000);
  const children: ChildProcess[] = [];
  afterEach(() => killAll(children));

  it.each(['before-claim', 'after-claim', 'after-send'])(
    'killed %s: the client gets the acknowledgement exactly once after the restart',
    async (step) => {
      const dataDir = mkdtempSync(join(tmpdir(), `soporte-ack-${step}-`));
      try {
        await seedClient(dataDir);
        const first = await startServer(dataDir, { TEST_CLOCK_START: T0, TEST_CRASH_AT: step });
        children.push(first.child);
        dropMail(dataDir);
        // The server kills itself (SIGKILL) at that step of the acknowledgement it sends on opening the ticket.
        expect((await first.exited).signal).toBe('SIGKILL');
        expect(acknowledgements(dataDir)).toHaveLength(step === 'after-send' ? 1 : 0);

        const second = await startServer(dataDir, { TEST_CLOCK_START: AFTER_LEASE });
        children.push(second.child);
        await waitUntil(() => acknowledgements(dataDir).length > 0, 'the acknowledgement after the restart', 60_000);
        // Three more sweeps and mail polls (every second): nothing sends it again.
        await new Promise((r) => setTimeout(r, 3_000));
        second.child.kill('SIGTERM');
        await second.exited;

        const acks = acknowledgements(dataDir);
        expect(acks).toHaveLength(1);
        expect(acks[0]).toMatch(/^To: ana@acme\.example$/m);
        expect(acks[0]).toMatch(/^In-Reply-To: <crash-ack@acme\.example>$/m);
        const store = await openSqliteStore({ dataDir });
        try {
          const ticket = await store.tickets.findBySourceMessageId('<crash-ack@acme.example>');
          expect(ticket).toBeDefined();
          expect((await store.tickets.list({})).tickets).toHaveLength(1);
          // Point 11: the ticket re-found after the crash still records the email's attachment, once.
          expect((await readTicketAttachments(store.state, ticket?.id ?? '')).map((a) => a.filename)).toEqual(['timbrado.log']);
          const record = await store.alerts.get(`mail:acknowledgement:${ticket?.id}`);
          expect(record?.completedAt).toBeDefined();
          expect(acks[0]).toContain(`Message-ID: ${record?.ref}`);
        } finally {
          await store.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
