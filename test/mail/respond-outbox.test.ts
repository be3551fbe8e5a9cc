import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

const L1 = { role: 'L1' as const, id: 'staff-l1', name: 'Luis' };

/** The client's email dropped in the maildrop, the consultant's answers read back from the outbox as real .eml files. */
describe('maildrop -> triage and Respond -> outbox', () => {
  let dir: string;
  let h: IntakeHarness;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soporte-respond-'));
    h = await intakeHarness({
      dataDir: dir,
      mailer: new OutboxMailer({
        dir: path.join(dir, 'outbox'),
        from: SUPPORT,
        fromName: 'Soporte',
        clock: { now: () => new Date('2026-03-02T16:00:00.000Z') },
      }),
    });
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const outbox = async (kind: string) => {
    const files = readdirSync(path.join(dir, 'outbox')).filter((f) => f.endsWith(`-${kind}.eml`));
    return Promise.all(files.map(async (f) => simpleParser(readFileSync(path.join(dir, 'outbox', f)))));
  };

  it('an urgent email is only suggested; triage and Respond reach the client threaded on their message', async () => {
    mkdirSync(path.join(dir, 'maildrop'), { recursive: true });
    writeFileSync(
      path.join(dir, 'maildrop', 'urgent.eml'),
      eml({
        from: 'Ana López <ana@acme.example>',
        subject: 'URGENTE: nadie puede entrar a Outlook',
        id: '<urgent-1@acme.example>',
        headers: { 'X-Priority': '1 (Highest)', Importance: 'high' },
        body: 'Desde las 9 nadie puede abrir Outlook.',
      }).replace(/\n/g, '\r\n'),
    );
    const mailbox = new MaildropMailbox({
      dataDir: dir,
      clock: h.clock,
      attachments: new FileAttachmentStore(path.join(dir, 'mail', 'attachments')),
    });
    expect(await new MailPoller(mailbox, h.intake).pollOnce()).toMatchObject({ processed: 1 });
    let ticket = (await h.store.tickets.getByNumber('SUP-2026-0001'))!;
    expect(ticket).toMatchObject({ priority: 'medium', prioritySuggestion: { priority: 'critical' } });
    const reason = JSON.parse(readFileSync(path.join(dir, 'mail', 'processed', 'urgent.eml.reason.json'), 'utf8')) as {
      reason: string;
    };
    expect(reason.reason).toMatch(/critical suggested for L1 to apply/);

    ticket = await h.tickets.applySuggestedPriority(L1, { ticketId: ticket.id, expectedVersion: ticket.version });
    ticket = await h.tickets.respond(
      L1,
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'Estimada Ana: ya estamos revisando el acceso a Outlook.',
    );

    const [triage] = await outbox('triage');
    expect(triage.subject).toMatch(/Prioridad Crítica: URGENTE: nadie puede entrar a Outlook/);
    expect(triage.text).toMatch(/Primera respuesta a más tardar: lunes 2 de marzo de 2026, 10:30/); // critical: 30 min after Soporte received it at 10:00 (its Date header says 09:55)
    const [response] = await outbox('response');
    expect(response.to).toMatchObject({ value: [{ address: 'ana@acme.example' }] });
    expect(response.inReplyTo).toBe('<urgent-1@acme.example>');
    expect(response.references).toContain('<urgent-1@acme.example>');
    expect(response.subject).toBe('[SUP-2026-0001] RE: URGENTE: nadie puede entrar a Outlook');
    // The greeting and the signature frame the consultant's words, in the requester's language.
    expect(response.text).toMatch(
      /^Hola, Ana López:\n\nEstimada Ana: ya estamos revisando el acceso a Outlook\.\n\nResponda a este correo/,
    );
    expect(response.headers.get('auto-submitted')).toBeUndefined();
    expect(ticket).toMatchObject({ status: 'open', firstResponseBy: 'email' });
  });
});
