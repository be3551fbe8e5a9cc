import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import type { ClientReplyNotification, OutboundMail } from '../../shared/application/ports';
import { ValidationError } from '../../shared/domain/common';
import type { Ticket } from '../../shared/domain/ticket';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import { L1, L2 } from '../application/fixture';
import { REPLY_CORPUS, type CorpusReply } from '../fixtures/replies/corpus';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

/** The real outbox (one .eml per message), remembering which file each message went to. */
class Outbox extends OutboxMailer {
  readonly sent: Array<OutboundMail & { messageId: string }> = [];
  override async send(mail: OutboundMail): Promise<{ messageId: string }> {
    const result = await super.send(mail);
    this.sent.push({ ...mail, messageId: result.messageId });
    return result;
  }
  last(kind: string, ticketNumber: string) {
    return [...this.sent].reverse().find((m) => m.kind === kind && m.ticketNumber === ticketNumber);
  }
}

let dataDir: string;
let h: IntakeHarness;
let outbox: Outbox;
let dropped = 0;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-replies-'));
  const clock = { now: () => h.clock.now() };
  outbox = new Outbox({ dir: path.join(dataDir, 'outbox'), from: SUPPORT, clock });
  h = await intakeHarness({ dataDir, mailer: outbox });
});
afterEach(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Drops the .eml in DATA_DIR/maildrop and runs one poll of the real maildrop mailbox. */
async function deliver(raw: string) {
  dropped += 1;
  mkdirSync(path.join(dataDir, 'maildrop'), { recursive: true });
  writeFileSync(path.join(dataDir, 'maildrop', `m-${dropped}.eml`), raw.replace(/\r?\n/g, '\r\n'));
  const mailbox = new MaildropMailbox({
    dataDir,
    clock: h.clock,
    attachments: new FileAttachmentStore(path.join(dataDir, 'mail', 'attachments')),
  });
  const report = await new MailPoller(mailbox, h.intake).pollOnce();
  return report.outcomes[0];
}

async function resolvedTicket(id: string): Promise<Ticket> {
  const opened = await deliver(
    eml({ from: 'Ana López <ana@acme.example>', subject: `Error al timbrar ${id}`, id: `<open-${id}@acme.example>` }),
  );
  const ticket = await h.store.tickets.getByNumber(opened.ticketNumber ?? '');
  if (!ticket) throw new Error(JSON.stringify(opened));
  return h.tickets.resolve(L1, { ticketId: ticket.id, expectedVersion: ticket.version }, 'Se corrigió el RFC del receptor.');
}

/** The client's answer to our last email on the ticket, threaded on it as mail clients do. */
function answer(ticket: Ticket, kind: string, id: string, body: string): string {
  const ours = outbox.last(kind, ticket.number);
  if (!ours) throw new Error(`no ${kind} mail for ${ticket.number}`);
  return eml({
    from: 'Ana López <ana@acme.example>',
    subject: `RE: ${ours.subject}`,
    id,
    inReplyTo: ours.messageId,
    references: [...(ours.references ?? []), ours.messageId],
    body,
  });
}

const clientReplies = () => h.notifier.sent.filter((n): n is ClientReplyNotification => n.kind === 'client-reply');

describe('every resolution reply of the corpus, through the maildrop and the outbox', () => {
  const onResolution = REPLY_CORPUS.filter((r) => r.expected !== 'approve' && r.expected !== 'refuse');
  const onExtension = REPLY_CORPUS.filter((r) => r.expected === 'approve' || r.expected === 'refuse');

  test.each(onResolution.map((r) => ({ ...r, reading: r.expected ?? 'unclear' })))(
    '$id: $reading',
    async (reply: CorpusReply) => {
      const ticket = await resolvedTicket(reply.id);
      const outcome = await deliver(answer(ticket, 'resolution', `<${reply.id}@acme.example>`, reply.text));
      const after = await h.store.tickets.get(ticket.id);
      const [told] = clientReplies();
      expect(told).toMatchObject({
        ticket: { number: ticket.number },
        messageId: `<${reply.id}@acme.example>`,
        from: { email: 'ana@acme.example' },
      });
      expect(told.excerpt).not.toMatch(/responda|Soporte Partner/);
      if (reply.expected === 'confirm') {
        expect(outcome.action).toBe('resolution-validated');
        expect(after).toMatchObject({ status: 'closed', closeReason: 'validated' });
        expect(outbox.last('closure', ticket.number)).toBeDefined();
      } else if (reply.expected === 'reject') {
        expect(outcome.action).toBe('resolution-rejected');
        expect(after?.status).toBe('open');
        expect(outbox.last('reopened', ticket.number)?.inReplyTo).toBe(`<${reply.id}@acme.example>`);
      } else {
        expect(outcome.action).toBe('client-replied');
        expect(after?.status).toBe('resolved');
        expect(told.outcome).toBe('needs-decision');
      }
    },
  );

  test.each(onExtension.map((r) => ({ ...r, reading: r.expected })))('$id: $reading', async (reply: CorpusReply) => {
    const opened = await deliver(
      eml({ from: 'ana@acme.example', subject: `Reporte ${reply.id}`, id: `<open-${reply.id}@acme.example>` }),
    );
    let ticket = (await h.store.tickets.getByNumber(opened.ticketNumber ?? '')) as Ticket;
    ticket = await h.tickets.acknowledge(L2, { ticketId: ticket.id, expectedVersion: ticket.version }, 'Revisando.');
    ticket = await h.tickets.requestBudgetExtension(
      L2,
      { ticketId: ticket.id, expectedVersion: ticket.version },
      120,
      'Falta revisar el PAC.',
    );
    const outcome = await deliver(answer(ticket, 'budget-extension-request', `<${reply.id}@acme.example>`, reply.text));
    const after = await h.store.tickets.get(ticket.id);
    expect(outcome.action).toBe(reply.expected === 'approve' ? 'budget-extension-approved' : 'budget-extension-refused');
    expect(after?.pendingExtension).toBeUndefined();
    expect(after?.budgetMinutes).toBe(reply.expected === 'approve' ? ticket.budgetMinutes + 120 : ticket.budgetMinutes);
    expect(clientReplies()[0].outcome).toBe(reply.expected === 'approve' ? 'approve-extension' : 'refuse-extension');
  });
});

test("an unclear reply: a consultant records the client's validation only by pointing at the client's message, kept in the log", async () => {
  const ticket = await resolvedTicket('unclear');
  await deliver(answer(ticket, 'resolution', '<unclear@acme.example>', 'Ya funciona, pero a medias.\n\nEnviado desde mi iPhone'));
  const current = (await h.store.tickets.get(ticket.id)) as Ticket;
  const ref = { ticketId: ticket.id, expectedVersion: current.version };
  await expect(h.tickets.validateResolution(L2, ref)).rejects.toThrow(ValidationError);
  await expect(h.tickets.validateResolution(L2, ref, undefined, '<made-up@acme.example>')).rejects.toThrow(
    /is not a message the client sent/,
  );
  const closed = await h.tickets.validateResolution(L2, ref, undefined, '<unclear@acme.example>');
  expect(closed).toMatchObject({ status: 'closed', closeReason: 'validated' });
  const validated = (await h.store.tickets.events(ticket.id)).find((e) => e.type === 'resolution-validated');
  expect(validated).toMatchObject({
    actor: { role: 'L2', id: 'staff-l2' },
    data: { clientMessageId: '<unclear@acme.example>', onBehalfOf: 'ana@acme.example' },
  });
  expect(outbox.last('closure', ticket.number)).toBeDefined();
});

test('reopened: the client is emailed (in their language, threaded on their reply) with the new due time', async () => {
  const ticket = await resolvedTicket('reopen');
  h.clock.advanceMinutes(60);
  await deliver(answer(ticket, 'resolution', '<no@acme.example>', 'No quedó, sigue saliendo el error.'));
  const mail = outbox.last('reopened', ticket.number);
  expect(mail).toMatchObject({ to: ['ana@acme.example'], locale: 'es-MX', inReplyTo: '<no@acme.example>' });
  const file = readdirSync(path.join(dataDir, 'outbox')).find((f) => f.endsWith(`${ticket.number}-reopened.eml`)) ?? '';
  const parsed = await simpleParser(readFileSync(path.join(dataDir, 'outbox', file)));
  expect(parsed.subject).toBe(`[${ticket.number}] Reabierto: ${ticket.subject}`);
  expect(parsed.text).toContain(`El ticket ${ticket.number} está abierto de nuevo`);
  expect(parsed.text).toMatch(/a más tardar el \S+/);
  expect(h.errors.errors).toEqual([]);
});

test('an ordinary reply on an open ticket is recorded and told to the assignee', async () => {
  const opened = await deliver(eml({ from: 'ana@acme.example', subject: 'VPN', id: '<vpn@acme.example>' }));
  let ticket = (await h.store.tickets.getByNumber(opened.ticketNumber ?? '')) as Ticket;
  ticket = await h.tickets.requestInformation(
    L1,
    { ticketId: ticket.id, expectedVersion: ticket.version },
    '¿Desde qué red se conecta?',
  );
  await deliver(
    answer(ticket, 'information-request', '<red@acme.example>', 'Desde la red de la oficina.\n\n> ¿Desde qué red se conecta?'),
  );
  expect(clientReplies()).toEqual([
    expect.objectContaining({ outcome: 'recorded', excerpt: 'Desde la red de la oficina.', messageId: '<red@acme.example>' }),
  ]);
});
