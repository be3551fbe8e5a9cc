import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

/** Saturday 7 March 2026, 10:00 in Mexico City: outside support hours. */
const SATURDAY_10AM = '2026-03-07T16:00:00.000Z';

describe('after-hours through the maildrop and the outbox', () => {
  let h: IntakeHarness;
  let outbox: string;
  beforeEach(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soporte-ah-'));
    outbox = path.join(dir, 'outbox');
    h = await intakeHarness({
      dataDir: dir,
      startAt: SATURDAY_10AM,
      mailer: new OutboxMailer({
        dir: outbox,
        from: SUPPORT,
        fromName: 'Soporte',
        clock: { now: () => new Date(SATURDAY_10AM) },
      }),
    });
  });
  afterEach(async () => {
    await h.close();
    rmSync(h.dir, { recursive: true, force: true });
  });

  async function deliver(name: string, raw: string): Promise<void> {
    mkdirSync(path.join(h.dir, 'maildrop'), { recursive: true });
    writeFileSync(path.join(h.dir, 'maildrop', name), raw.replace(/\n/g, '\r\n'));
    await new MailPoller(
      new MaildropMailbox({ dataDir: h.dir, attachments: h.attachments, clock: h.clock }),
      h.intake,
    ).pollOnce();
  }

  async function sent(kind: string): Promise<Array<{ to: string; text: string }>> {
    const files = readdirSync(outbox).filter((f) => f.includes(kind));
    return Promise.all(
      files.map(async (f) => {
        const parsed = await simpleParser(readFileSync(path.join(outbox, f)));
        return { to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '', text: parsed.text ?? '' };
      }),
    );
  }

  it('an emailed request for a window already begun is refused politely, in the requester language, and kept as refused', async () => {
    // Saturday 09:00-13:00 was asked for at 10:00 the same morning: too late (the CLI refuses it too).
    await deliver(
      'late.eml',
      eml({
        from: 'Ana López <ana@acme.example>',
        subject: 'Apoyo este sábado',
        id: '<late@acme.example>',
        date: 'Sat, 7 Mar 2026 16:00:00 +0000',
        headers: { 'X-Soporte-After-Hours': '2026-03-07T15:00:00Z/2026-03-07T19:00:00Z' },
      }),
    );
    expect(await h.store.afterHours.listWindows({ clientId: 'acme' })).toEqual([
      expect.objectContaining({
        status: 'refused',
        requestedBy: 'ana@acme.example',
        decidedBy: 'mail-intake',
        requestMessageId: '<late@acme.example>',
        reason: expect.stringContaining('se acuerda con anticipación'),
      }),
    ]);
    const [refusal] = await sent('after-hours-decision');
    expect(refusal.to).toBe('ana@acme.example');
    expect(refusal.text).toContain(
      'del sábado 7 de marzo de 2026, 09:00 (hora de la Ciudad de México) al sábado 7 de marzo de 2026, 13:00 (hora de la Ciudad de México), fue rechazada',
    );
    expect(refusal.text).toContain('Motivo: la atención fuera del horario de soporte se acuerda con anticipación');
    const reason = JSON.parse(readFileSync(path.join(h.dir, 'mail', 'processed', 'late.eml.reason.json'), 'utf8')) as {
      reason: string;
    };
    expect(reason.reason).toContain('refused: the window had already begun');

    // The same request for next Saturday is recorded as asked, for a manager to decide.
    await deliver(
      'early.eml',
      eml({
        from: 'Ana López <ana@acme.example>',
        subject: 'Apoyo el próximo sábado',
        id: '<early@acme.example>',
        headers: { 'X-Soporte-After-Hours': '2026-03-14T15:00:00Z/2026-03-14T19:00:00Z' },
      }),
    );
    expect(
      (await h.store.afterHours.listWindows({ clientId: 'acme', status: 'requested' })).map((w) => w.requestMessageId),
    ).toEqual(['<early@acme.example>']);
  });

  it("never flags the system's own after-hours follow-up; a consultant's unapproved work is flagged", async () => {
    const { ticket } = await h.tickets.open(
      { role: 'requester', id: 'ana@acme.example' },
      {
        clientId: 'acme',
        requesterEmail: 'ana@acme.example',
        subject: 'Correo',
        description: 'x',
        channel: 'email',
        sourceMessageId: '<t1@acme.example>',
      },
    );
    const L1 = { role: 'L1' as const, id: 'staff-l1', name: 'Luis' };
    let t = await h.tickets.logWork(L1, { ticketId: ticket.id, expectedVersion: ticket.version }, 30, 'revisión el sábado');
    t = await h.tickets.resolve(L1, { ticketId: t.id, expectedVersion: t.version }, 'listo');
    h.notifier.sent.length = 0;
    // Ana confirms by email on Saturday: the closure follow-up the system bills is not "after-hours work nobody approved".
    await deliver(
      'ok.eml',
      eml({
        from: 'Ana López <ana@acme.example>',
        subject: `Re: [${t.number}] Resuelto`,
        id: '<ok@acme.example>',
        date: 'Sat, 7 Mar 2026 16:00:00 +0000',
        inReplyTo: '<t1@acme.example>',
        body: 'Confirmo, ya quedó. Gracias.',
      }),
    );
    const entries = await h.store.tickets.timeEntries({ ticketId: t.id });
    expect(entries.map((e) => [e.kind, e.actorId, e.flag ?? null])).toEqual([
      ['work', 'staff-l1', 'after-hours-unapproved'],
      ['follow-up', 'staff-l1', 'after-hours-unapproved'],
      ['follow-up', 'ticket-service', null],
    ]);
    expect(h.notifier.sent.filter((n) => n.kind === 'after-hours-unapproved')).toEqual([]);
  });
});
