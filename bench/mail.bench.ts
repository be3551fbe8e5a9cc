import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { MailIntakeService } from '../shared/application/intake/mail-intake-service';
import { MailPoller } from '../shared/application/intake/mail-poller';
import type { Notifier } from '../shared/application/ports';
import { FileAttachmentStore } from '../shared/infra/mail/attachment-store';
import { MaildropMailbox } from '../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../shared/infra/mail/outbox-mailer';
import { openSqliteStore } from '../shared/infra/sqlite/sqlite-store';
import { ANA, seedAcme } from '../test/support/acme';
import { ticketServiceFor } from '../test/support/ticket-wiring';
import type { BenchResult } from './bench-result';

const MESSAGES = 400;
const WARM_UP = 20;
const REQUESTERS = 50;
const TARGET_PER_SECOND = 100;

/**
 * Maildrop ingestion end to end: N .eml files in DATA_DIR/maildrop -> parse (mailparser) -> requester
 * check -> ticket opened in SQLite (TicketService) -> acknowledgement composed and written as .eml in
 * DATA_DIR/outbox -> file moved to mail/processed with its reason file. 1 in 10 senders is not
 * authorized (polite reply + quarantine), as in real traffic.
 */
export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-mail-bench-'));
  const clock = { now: () => new Date() };
  const store = await openSqliteStore({ dataDir, clock });
  try {
    const ids = { newId: () => randomUUID() };
    const notifier: Notifier = { notify: async () => ({}) };
    const mailer = new OutboxMailer({ dir: path.join(dataDir, 'outbox'), from: 'soporte@partner.example', clock });
    const sideEffects = { report: (error: unknown) => console.error('side effect failed:', error) };
    const { tickets, mail: clientMailer } = ticketServiceFor(store, clock, { ids, mailer, notifier, sideEffects });
    const intake = new MailIntakeService({
      tickets,
      store,
      clientMailer,
      notifier,
      clock,
      ids,
      ownAddresses: ['soporte@partner.example'],
    });
    const mailbox = new MaildropMailbox({
      dataDir,
      clock,
      attachments: new FileAttachmentStore(path.join(dataDir, 'mail', 'attachments')),
    });
    const poller = new MailPoller(mailbox, intake, { onError: (error) => console.error('intake failed:', error) });

    const since = '2020-01-01T00:00:00.000Z';
    await seedAcme(store, {
      client: { createdAt: since },
      requesters: Array.from({ length: REQUESTERS }, (_, i) => ({
        ...ANA,
        id: `r${i}`,
        email: `user${i}@acme.example`,
        name: `User ${i}`,
        isClientAdmin: i === 0,
        effectiveFrom: since,
      })),
    });
    const drop = path.join(dataDir, 'maildrop');
    mkdirSync(drop, { recursive: true });
    const date = new Date(Date.now() - 60_000).toUTCString();
    let unauthorized = 0;
    for (let i = 0; i < MESSAGES; i += 1) {
      const stranger = i % 10 === 9;
      if (stranger) unauthorized += 1;
      const from = stranger ? `guest${i}@acme.example` : `user${i % REQUESTERS}@acme.example`;
      const body = `Hola,\r\n\r\nLa factura ${i} no se timbra: error CFDI40145 en producción.\r\n\r\nSaludos`;
      const raw = [
        `From: ${from}`,
        'To: soporte@partner.example',
        `Subject: Falla de timbrado ${i}`,
        `Date: ${date}`,
        `Message-ID: <bench-${i}@acme.example>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        body,
        '',
      ].join('\r\n');
      writeFileSync(path.join(drop, `${String(i).padStart(5, '0')}.eml`), raw);
    }

    // Warm-up (not timed): the first messages load lazily-required modules (charsets, locales).
    await poller.pollOnce(WARM_UP);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let settled = WARM_UP;
    while (settled < MESSAGES) {
      const report = await poller.pollOnce(100);
      if (report.processed + report.quarantined === 0) throw new Error(`maildrop stalled after ${settled} messages`);
      settled += report.processed + report.quarantined;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const timed = MESSAGES - WARM_UP;

    const opened = (await store.tickets.list({ limit: 1000 })).tickets.length;
    const outbox = readdirSync(path.join(dataDir, 'outbox'));
    const acks = outbox.filter((f) => f.endsWith('-acknowledgement.eml')).length;
    const replies = outbox.filter((f) => f.endsWith('-unauthorized-sender.eml')).length;
    if (opened !== MESSAGES - unauthorized || acks !== opened || replies !== unauthorized) {
      throw new Error(
        `bench run is wrong: ${opened} tickets, ${acks} acknowledgements, ${replies} unauthorized replies for ${MESSAGES} messages`,
      );
    }
    const perSecond = timed / seconds;
    return [
      {
        name: `maildrop ingestion end to end (${timed} msgs after ${WARM_UP} warm-up; parse+authorize+ticket+outbox)`,
        value: Math.round(perSecond),
        unit: 'messages/s',
        target: `>= ${TARGET_PER_SECOND}`,
        pass: perSecond >= TARGET_PER_SECOND,
      },
      { name: 'mean time per message', value: Number(((seconds * 1000) / timed).toFixed(2)), unit: 'ms' },
      // Wall time depends on what else the machine runs; CPU time per message does not (much).
      {
        name: 'messages per CPU-second of this process (load-independent capacity)',
        value: Math.round(timed / cpuSeconds),
        unit: 'messages/s',
      },
      {
        name: `machine load average (1 min) during the run, ${cpus().length} cores`,
        value: Number(loadavg()[0].toFixed(1)),
        unit: '',
      },
    ];
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
