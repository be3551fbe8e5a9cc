import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import type { MailOutcome } from '../../shared/application/ports';
import type { InboundMail } from '../../shared/domain/mail';
import { ValidationError } from '../../shared/domain/common';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import { openSqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { ManualClock } from '../support/doubles';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'mail');
const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-maildrop-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function maildrop(): MaildropMailbox {
  return new MaildropMailbox({ dataDir, clock, attachments: new FileAttachmentStore(path.join(dataDir, 'mail', 'attachments')) });
}

function drop(fixture: string, as = fixture): void {
  mkdirSync(path.join(dataDir, 'maildrop'), { recursive: true });
  copyFileSync(path.join(FIXTURES, fixture), path.join(dataDir, 'maildrop', as));
}

describe('maildrop mailbox', () => {
  test('moves each file to processed/ or quarantine/ byte for byte with a reason file; deletes nothing', async () => {
    drop('gmail-alternative.eml');
    drop('no-sender.eml');
    drop('exchange-oof.eml');
    writeFileSync(path.join(dataDir, 'maildrop', '.half-copied.eml.tmp'), 'partial');
    const seen: InboundMail[] = [];
    const intake = {
      async handle(mail: InboundMail): Promise<MailOutcome> {
        seen.push(mail);
        if (mail.subject === 'Out of office') return { disposition: 'processed', action: 'ignored-auto-reply', reason: 'auto' };
        if (mail.from.address === 'ana@acme.example')
          return { disposition: 'quarantined', action: 'unauthorized', reason: 'not authorized' };
        return { disposition: 'processed', action: 'opened', reason: 'opened SUP-2026-0001', ticketNumber: 'SUP-2026-0001' };
      },
    };
    const report = await new MailPoller(maildrop(), intake).pollOnce();
    expect(report).toMatchObject({ processed: 1, quarantined: 2, retried: 0 });
    expect(seen.map((m) => m.messageId).sort()).toEqual([
      '<CAF3kq+Zp8yU0mVvX1m2Yt_9QdW@mail.gmail.com>',
      '<oof-0001@MW4PR12MB1234.namprd12.prod.outlook.com>',
    ]);
    expect(readdirSync(path.join(dataDir, 'maildrop'))).toEqual(['.half-copied.eml.tmp']);
    expect(readdirSync(path.join(dataDir, 'mail', 'processed')).sort()).toEqual([
      'gmail-alternative.eml',
      'gmail-alternative.eml.reason.json',
    ]);
    expect(readdirSync(path.join(dataDir, 'mail', 'quarantine')).sort()).toEqual([
      'exchange-oof.eml',
      'exchange-oof.eml.reason.json',
      'no-sender.eml',
      'no-sender.eml.reason.json',
    ]);
    expect(readFileSync(path.join(dataDir, 'mail', 'processed', 'gmail-alternative.eml'))).toEqual(
      readFileSync(path.join(FIXTURES, 'gmail-alternative.eml')),
    );
    const opened = JSON.parse(readFileSync(path.join(dataDir, 'mail', 'processed', 'gmail-alternative.eml.reason.json'), 'utf8'));
    expect(opened).toMatchObject({
      disposition: 'processed',
      action: 'opened',
      ticketNumber: 'SUP-2026-0001',
      from: 'bob@acme.example',
      settledAt: '2026-03-02T16:00:00.000Z',
    });
    const unreadable = JSON.parse(readFileSync(path.join(dataDir, 'mail', 'quarantine', 'no-sender.eml.reason.json'), 'utf8'));
    expect(unreadable).toMatchObject({ disposition: 'quarantined', action: 'unreadable' });
    expect(unreadable.reason).toContain('from: the message has no sender address');
  });

  test('a second file with a settled name is kept under a new name, never overwritten', async () => {
    const intake = { handle: async (): Promise<MailOutcome> => ({ disposition: 'processed', action: 'opened', reason: 'x' }) };
    const mailbox = maildrop();
    drop('gmail-alternative.eml', 'same.eml');
    await new MailPoller(mailbox, intake).pollOnce();
    drop('forwarded.eml', 'same.eml');
    await new MailPoller(mailbox, intake).pollOnce();
    expect(readdirSync(path.join(dataDir, 'mail', 'processed')).sort()).toEqual([
      '1-same.eml',
      '1-same.eml.reason.json',
      'same.eml',
      'same.eml.reason.json',
    ]);
  });

  test('a rule refusal quarantines with its reason; an unexpected error retries, then quarantines', async () => {
    drop('gmail-alternative.eml');
    const refusing = {
      handle: async (): Promise<MailOutcome> => {
        throw new ValidationError('subject', 'too long');
      },
    };
    expect((await new MailPoller(maildrop(), refusing).pollOnce()).outcomes[0]).toMatchObject({
      disposition: 'quarantined',
      action: 'refused-validation',
      reason: 'ValidationError: subject: too long',
    });
    drop('forwarded.eml');
    const errors: unknown[] = [];
    const failing = {
      handle: async (): Promise<MailOutcome> => {
        throw new Error('database is locked');
      },
    };
    const poller = new MailPoller(maildrop(), failing, { maxAttempts: 2, onError: (e) => errors.push(e) });
    expect(await poller.pollOnce()).toMatchObject({ retried: 1, quarantined: 0 });
    expect(readdirSync(path.join(dataDir, 'maildrop'))).toEqual(['forwarded.eml']);
    expect((await poller.pollOnce()).outcomes[0]).toMatchObject({
      action: 'intake-error',
      reason: 'failed 2 times: database is locked',
    });
    expect(errors).toHaveLength(2);
  });
});

test('with a lease, only one instance reads the maildrop', async () => {
  const store = await openSqliteStore({ dataDir, clock });
  try {
    drop('gmail-alternative.eml');
    const seen: string[] = [];
    const intake = (who: string) => ({
      handle: async (): Promise<MailOutcome> => {
        seen.push(who);
        return { disposition: 'processed', action: 'opened', reason: who };
      },
    });
    const lease = (holder: string) => ({ leases: store.leases, clock, name: 'mail-intake:maildrop', holder, ttlMs: 60_000 });
    const first = new MailPoller(maildrop(), intake('a'), { lease: lease('a') });
    const second = new MailPoller(maildrop(), intake('b'), { lease: lease('b') });
    expect((await first.pollOnce()).processed).toBe(1);
    drop('forwarded.eml');
    expect((await second.pollOnce()).processed).toBe(0);
    expect(readdirSync(path.join(dataDir, 'maildrop'))).toEqual(['forwarded.eml']);
    expect((await first.pollOnce()).processed).toBe(1);
    expect(seen).toEqual(['a', 'a']);
  } finally {
    await store.close();
  }
});

describe('outbox mailer', () => {
  test('writes an RFC 822 .eml (UTF-8 text + HTML), threaded, that a mail parser reads back', async () => {
    const outbox = path.join(dataDir, 'outbox');
    const mailer = new OutboxMailer({ dir: outbox, from: 'soporte@partner.example', fromName: 'Soporte', clock });
    const { messageId } = await mailer.send({
      kind: 'acknowledgement',
      to: ['ana@acme.example'],
      cc: ['bob@acme.example'],
      subject: '[SUP-2026-0001] Recibido: Error de facturación',
      text: 'Recibimos su solicitud: acción en producción.\n',
      html: '<p>Recibimos su solicitud: acción en producción.</p>',
      locale: 'es-MX',
      inReplyTo: '<client-1@acme.example>',
      references: ['<root@acme.example>', '<client-1@acme.example>'],
      ticketId: 't1',
      ticketNumber: 'SUP-2026-0001',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Soporte-Loop': 'SUP-2026-0001' },
    });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@partner\.example>$/);
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^2026-03-02T16-00-00-000Z-000001-\d+-SUP-2026-0001-acknowledgement\.eml$/);
    const raw = readFileSync(path.join(outbox, files[0]));
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.inReplyTo).toBe('<client-1@acme.example>');
    expect(parsed.references).toEqual(['<root@acme.example>', '<client-1@acme.example>']);
    expect(parsed.subject).toBe('[SUP-2026-0001] Recibido: Error de facturación');
    expect(parsed.text?.trim()).toBe('Recibimos su solicitud: acción en producción.');
    expect(parsed.html).toContain('acción');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.headers.get('x-soporte-ticket')).toBe('SUP-2026-0001');
    expect(parsed.headers.get('content-language')).toBe('es-MX');
    expect(parsed.date?.toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(raw.toString()).toMatch(/Content-Type: multipart\/alternative/);
  });

  test('refuses a message with no recipient', async () => {
    const mailer = new OutboxMailer({ dir: path.join(dataDir, 'outbox'), from: 'soporte@partner.example', clock });
    await expect(mailer.send({ kind: 'progress', to: [], subject: 's', text: 't', locale: 'en' })).rejects.toThrow(
      '"to" names no recipient',
    );
  });
});
