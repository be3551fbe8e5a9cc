import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientMailer } from '../../shared/application/client-mailer';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import type { Mailer, MailOutcome } from '../../shared/application/ports';
import type { TicketService } from '../../shared/application/ticket-service';
import type { InboundMail } from '../../shared/domain/mail';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { parseMime } from '../../shared/infra/mail/mime-parser';
import { openSqliteStore, type SqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import {
  CapturingMailer,
  ManualClock,
  SequentialIds,
  type CapturingNotifier,
  type CollectedErrors,
} from '../application/fixture';
import { ANA, BOB, LUIS, OLD_TIMER, seedAcme } from '../support/acme';
import { ticketServiceFor } from '../support/ticket-wiring';

export const SUPPORT = 'soporte@partner.example';

export interface IntakeHarness {
  dir: string;
  store: SqliteStore;
  clock: ManualClock;
  mailer: CapturingMailer;
  notifier: CapturingNotifier;
  errors: CollectedErrors;
  tickets: TicketService;
  clientMailer: ClientMailer;
  intake: MailIntakeService;
  attachments: FileAttachmentStore;
  /** Parses `raw` with the real parser and hands it to intake. */
  receive(raw: string, limitBytes?: number): Promise<{ mail: InboundMail; outcome: MailOutcome }>;
  close(): Promise<void>;
}

/**
 * Real SQLite store in a temp dir, the real TicketService and ClientMailer, the real MIME parser;
 * client ACME (es-MX) with Ana (requester) and Bob (client admin, en), manager Marta told of strangers.
 */
export async function intakeHarness(
  options: { startAt?: string; mailer?: Mailer; dataDir?: string } = {},
): Promise<IntakeHarness> {
  const dir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'soporte-intake-'));
  const clock = new ManualClock(new Date(options.startAt ?? '2026-03-02T16:00:00.000Z'));
  const store = await openSqliteStore({ dataDir: dir, clock });
  const ids = new SequentialIds();
  const capturing = new CapturingMailer();
  const {
    tickets,
    policies,
    mail: clientMailer,
    notifier,
    errors,
  } = ticketServiceFor(store, clock, { ids, mailer: options.mailer ?? capturing });
  const intake = new MailIntakeService({ tickets, store, clientMailer, policies, notifier, clock, ids, ownAddresses: [SUPPORT] });
  await seedAcme(store, {
    requesters: [{ ...ANA, name: 'Ana López' }, { ...BOB, name: 'Bob Smith' }, OLD_TIMER],
    staff: [LUIS],
  });
  const attachments = new FileAttachmentStore(path.join(dir, 'mail', 'attachments'));
  let counter = 0;
  return {
    dir,
    store,
    clock,
    mailer: capturing,
    notifier,
    errors,
    tickets,
    clientMailer,
    intake,
    attachments,
    async receive(raw, limitBytes) {
      counter += 1;
      const store = limitBytes ? new FileAttachmentStore(path.join(dir, 'mail', 'attachments'), limitBytes) : attachments;
      const mail = await parseMime(Buffer.from(raw.replace(/\r?\n/g, '\r\n')), {
        originalRef: `test-${counter}.eml`,
        receivedAt: clock.now(),
        attachments: store,
      });
      return { mail, outcome: await intake.handle(mail, { quarantineRef: `quarantine/test-${counter}.eml` }) };
    },
    async close() {
      await store.close();
      if (!options.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small RFC 822 message. */
export function eml(m: {
  from: string;
  subject: string;
  id: string;
  body?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  date?: string;
}): string {
  const lines = [
    `From: ${m.from}`,
    `To: Soporte <${SUPPORT}>`,
    `Subject: ${m.subject}`,
    `Date: ${m.date ?? 'Mon, 2 Mar 2026 15:55:00 +0000'}`,
    `Message-ID: ${m.id}`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references.join(' ')}`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    m.body ?? 'Hola, tenemos una falla.',
    '',
  ];
  return lines.join('\n');
}
