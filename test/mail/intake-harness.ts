import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClientMailer } from '../../shared/application/client-mailer';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import type { Mailer, MailOutcome } from '../../shared/application/ports';
import { PolicyRegistry } from '../../shared/application/policy-registry';
import { TicketService } from '../../shared/application/ticket-service';
import type { InboundMail } from '../../shared/domain/mail';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { parseMime } from '../../shared/infra/mail/mime-parser';
import { openSqliteStore, type SqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { CapturingMailer, CapturingNotifier, CollectedErrors, ManualClock, SequentialIds } from '../application/fixture';

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
  const mailer = options.mailer ?? capturing;
  const notifier = new CapturingNotifier();
  const errors = new CollectedErrors();
  const policies = new PolicyRegistry(store.state, store.directory);
  const clientMailer = new ClientMailer({ mailer, clock, state: store.state, directory: store.directory, alerts: store.alerts });
  const tickets = new TicketService({ store, clock, ids, policies, mail: clientMailer, notifier, sideEffects: errors });
  const intake = new MailIntakeService({ tickets, store, clientMailer, notifier, clock, ids, ownAddresses: [SUPPORT] });
  await store.directory.putClient({
    id: 'acme',
    name: 'ACME',
    domains: ['acme.example'],
    locale: 'es-MX',
    managerEmails: ['marta@partner.example'],
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  await store.directory.putRequester({
    id: 'r-ana',
    clientId: 'acme',
    email: 'ana@acme.example',
    name: 'Ana López',
    isClientAdmin: false,
    effectiveFrom: '2026-01-01T00:00:00.000Z',
  });
  await store.directory.putRequester({
    id: 'r-bob',
    clientId: 'acme',
    email: 'bob@acme.example',
    name: 'Bob Smith',
    locale: 'en',
    isClientAdmin: true,
    effectiveFrom: '2026-01-01T00:00:00.000Z',
  });
  await store.directory.putRequester({
    id: 'r-old',
    clientId: 'acme',
    email: 'old@acme.example',
    name: 'Old Timer',
    isClientAdmin: false,
    effectiveFrom: '2025-01-01T00:00:00.000Z',
    effectiveTo: '2026-02-01T00:00:00.000Z',
  });
  await store.directory.putStaff({
    id: 'staff-l1',
    name: 'Luis',
    email: 'luis@partner.example',
    role: 'L1',
    locale: 'es-MX',
    active: true,
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
