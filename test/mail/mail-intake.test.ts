import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readTicketAttachments } from '../../shared/application/ticket-attachments';
import { L1, L2, SYSTEM } from '../application/fixture';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'mail');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'latin1');
let h: IntakeHarness;

beforeEach(async () => {
  h = await intakeHarness();
});
afterEach(() => h.close());

async function openFromAna(id = '<new-1@acme.example>', extra: Partial<Parameters<typeof eml>[0]> = {}) {
  const { outcome } = await h.receive(eml({ from: 'Ana López <ana@acme.example>', subject: 'Error al timbrar', id, ...extra }));
  const ticket = await h.store.tickets.getByNumber(outcome.ticketNumber ?? '');
  if (!ticket) throw new Error(`no ticket: ${JSON.stringify(outcome)}`);
  return { outcome, ticket };
}

const ref = (t: { id: string; version: string }) => ({ ticketId: t.id, expectedVersion: t.version });

test('an authorized requester opens a ticket; the acknowledgement goes out in her language, threaded and tagged', async () => {
  const { outcome, ticket } = await openFromAna();
  expect(outcome).toMatchObject({ disposition: 'processed', action: 'opened', ticketNumber: 'SUP-2026-0001' });
  expect(outcome.reason).toContain('policy defaults for L1 triage');
  expect(ticket).toMatchObject({
    clientId: 'acme',
    requesterEmail: 'ana@acme.example',
    subject: 'Error al timbrar',
    channel: 'email',
    status: 'new',
    sourceMessageId: '<new-1@acme.example>',
    locale: 'es-MX',
    priority: 'medium',
  });
  const [ack] = h.mailer.sent;
  expect(h.mailer.kinds()).toEqual(['acknowledgement']);
  expect(ack).toMatchObject({
    to: ['ana@acme.example'],
    locale: 'es-MX',
    inReplyTo: '<new-1@acme.example>',
    references: ['<new-1@acme.example>'],
    ticketNumber: 'SUP-2026-0001',
  });
  expect(ack.subject).toBe('[SUP-2026-0001] Recibido: Error al timbrar');
  expect(ack.text).toContain('Hola, Ana López:');
  expect(ack.text).toContain('Prioridad: Media');
  expect(ack.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied', 'X-Soporte-Loop': 'SUP-2026-0001' });
});

test('the add-in headers set priority, type and channel; bad values fall back to the policy and are reported', async () => {
  const { ticket } = await openFromAna('<addin-1@acme.example>', {
    headers: { 'X-Soporte-Priority': 'Alta', 'X-Soporte-Type': 'technical-urgent' },
  });
  expect(ticket).toMatchObject({ priority: 'high', incidentType: 'technical-urgent', channel: 'addin' });
  const { outcome, ticket: second } = await openFromAna('<addin-2@acme.example>', {
    headers: { 'X-Soporte-Priority': 'urgentísimo' },
  });
  expect(second.priority).toBe('medium');
  expect(outcome.reason).toContain('X-Soporte-Priority "urgentísimo" is not one of critical, high, medium, low');
});

test('a sender on the client domain who is not an authorized requester: no ticket, polite reply naming the admin, managers told, quarantined', async () => {
  const { outcome } = await h.receive(
    eml({ from: 'Eve <eve@acme.example>', subject: 'Ayuda urgente', id: '<eve-1@acme.example>' }),
  );
  expect(outcome).toMatchObject({ disposition: 'quarantined', action: 'unauthorized' });
  expect((await h.store.tickets.list({})).tickets).toEqual([]);
  const [reply] = h.mailer.sent;
  expect(reply).toMatchObject({
    kind: 'unauthorized-sender',
    to: ['eve@acme.example'],
    locale: 'es-MX',
    inReplyTo: '<eve-1@acme.example>',
  });
  expect(reply.text).toContain('Bob Smith <bob@acme.example>');
  expect(reply.headers?.['Auto-Submitted']).toBe('auto-replied');
  expect(h.notifier.sent).toEqual([
    {
      kind: 'unauthorized-sender',
      clientId: 'acme',
      senderEmail: 'eve@acme.example',
      subject: 'Ayuda urgente',
      quarantineRef: 'quarantine/test-1.eml',
      managerEmails: ['marta@partner.example'],
    },
  ]);
});

test('a deactivated requester is refused; an unknown domain gets the general wording; replies are rate-limited per sender', async () => {
  expect((await h.receive(eml({ from: 'old@acme.example', subject: 'x', id: '<old-1@acme.example>' }))).outcome.action).toBe(
    'unauthorized',
  );
  await h.receive(eml({ from: 'stranger@elsewhere.example', subject: 'Hi', id: '<s-1@elsewhere.example>' }));
  expect(h.mailer.sent[1].text).toContain('la persona responsable del contrato de soporte');
  for (let i = 2; i <= 4; i += 1)
    await h.receive(eml({ from: 'stranger@elsewhere.example', subject: 'Hi', id: `<s-${i}@elsewhere.example>` }));
  expect(h.mailer.sent.filter((m) => m.to[0] === 'stranger@elsewhere.example')).toHaveLength(3);
  expect(h.notifier.sent.filter((n) => n.kind === 'unauthorized-sender')).toHaveLength(5);
});

test('a client reply to an information request records the reply: waiting ends, attempts reset', async () => {
  const { ticket } = await openFromAna();
  const asked = await h.tickets.requestInformation(L1, ref(ticket), '¿Qué RFC aparece en el error?');
  expect(asked).toMatchObject({ status: 'waiting-on-client', contactAttempts: 1 });
  const question = h.mailer.sent[1];
  expect(question.inReplyTo).toBe(h.mailer.sent.length && '<m1@test>');
  expect(question.references).toEqual(['<new-1@acme.example>', '<m1@test>']);
  h.clock.advanceMinutes(30);
  const { outcome } = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: `Re: ${question.subject}`,
      id: '<reply-1@acme.example>',
      inReplyTo: '<m2@test>',
      references: ['<new-1@acme.example>', '<m1@test>', '<m2@test>'],
      body: 'El RFC es XAXX010101000.\n\n> ¿Qué RFC aparece?',
      date: 'Mon, 2 Mar 2026 16:30:00 +0000',
    }),
  );
  expect(outcome).toMatchObject({ action: 'client-replied', ticketNumber: 'SUP-2026-0001' });
  expect(outcome.reason).toContain('matched by in-reply-to');
  const after = await h.store.tickets.get(ticket.id);
  expect(after).toMatchObject({ status: 'open', contactAttempts: 0 });
  const replied = (await h.store.tickets.events(ticket.id)).find((e) => e.type === 'client-replied');
  expect(replied?.data).toEqual({ messageId: '<reply-1@acme.example>', excerpt: 'El RFC es XAXX010101000.' });
});

test('the ticket number in the subject threads a reply that lost its headers', async () => {
  const { ticket } = await openFromAna();
  const { outcome } = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: 'Más datos sobre SUP-2026-0001',
      id: '<more@acme.example>',
      body: 'Adjunto más datos.',
    }),
  );
  expect(outcome).toMatchObject({ action: 'client-replied', ticketNumber: ticket.number });
  expect(outcome.reason).toContain('matched by subject');
});

test('"confirmo" on a resolved ticket validates it (closure mail); "no resuelto" reopens it', async () => {
  const { ticket } = await openFromAna();
  const resolved = await h.tickets.resolve(L1, ref(ticket), 'Se corrigió el RFC del receptor.');
  const resolution = h.mailer.sent.find((m) => m.kind === 'resolution');
  expect(resolution?.text).toContain('responda "confirmo"');
  const { outcome } = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: `RE: ${resolution?.subject}`,
      id: '<yes@acme.example>',
      inReplyTo: '<m2@test>',
      body: 'Confirmo, gracias.\n\nEl lun, 2 mar 2026, Soporte escribió:\n> responda "no resuelto"',
    }),
  );
  expect(outcome.action).toBe('resolution-validated');
  expect(await h.store.tickets.get(resolved.id)).toMatchObject({ status: 'closed', closeReason: 'validated' });
  expect(h.mailer.kinds()).toContain('closure');

  const second = (await openFromAna('<new-2@acme.example>')).ticket;
  await h.tickets.resolve(L1, ref(second), 'Listo.');
  const res2 = h.mailer.sent.filter((m) => m.kind === 'resolution')[1];
  const rejected = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: `RE: ${res2.subject}`,
      id: '<no@acme.example>',
      body: 'No resuelto, sigue saliendo el error.',
    }),
  );
  expect(rejected.outcome.action).toBe('resolution-rejected');
  expect(await h.store.tickets.get(second.id)).toMatchObject({ status: 'open' });
});

test('each pending question takes only its own answers: "autorizo" never closes a resolution, "ya funciona" never approves an extension', async () => {
  const { ticket } = await openFromAna();
  const resolved = await h.tickets.resolve(L1, ref(ticket), 'Listo.');
  const approveWord = await h.receive(
    eml({ from: 'ana@acme.example', subject: `RE: [${ticket.number}]`, id: '<autorizo@acme.example>', body: 'Autorizo.' }),
  );
  expect(approveWord.outcome.action).toBe('client-replied');
  expect(await h.store.tickets.get(resolved.id)).toMatchObject({ status: 'resolved' });

  let second = (await openFromAna('<new-2@acme.example>')).ticket;
  second = await h.tickets.acknowledge(L2, ref(second), 'Revisando.');
  second = await h.tickets.requestBudgetExtension(L2, ref(second), 120, 'Falta revisar el PAC.');
  const works = await h.receive(
    eml({ from: 'ana@acme.example', subject: `RE: [${second.number}]`, id: '<works@acme.example>', body: 'Ya funciona.' }),
  );
  expect(works.outcome.action).toBe('client-replied');
  const fails = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: `RE: [${second.number}]`,
      id: '<fails@acme.example>',
      body: 'No funciona todavía.',
    }),
  );
  expect(fails.outcome.action).toBe('client-replied');
  expect((await h.store.tickets.get(second.id))?.pendingExtension?.minutes).toBe(120);
  const approved = await h.receive(
    eml({ from: 'ana@acme.example', subject: `RE: [${second.number}]`, id: '<ok@acme.example>', body: 'Autorizo las 2 horas.' }),
  );
  expect(approved.outcome.action).toBe('budget-extension-approved');
  expect((await h.store.tickets.get(second.id))?.pendingExtension).toBeUndefined();
});

test('auto-replies and bounces on a ticket never count as replies nor open tickets', async () => {
  const { ticket } = await openFromAna();
  const before = await h.store.tickets.events(ticket.id);
  const oof = fixture('exchange-oof.eml').replace(/<ack-0001@partner\.example>/g, '<m1@test>');
  expect((await h.receive(oof)).outcome).toMatchObject({ disposition: 'processed', action: 'ignored-auto-reply' });
  expect((await h.receive(fixture('dsn-bounce.eml'))).outcome.action).toBe('ignored-bounce');
  expect((await h.receive(fixture('gmail-vacation.eml'))).outcome.action).toBe('ignored-auto-reply');
  expect(await h.store.tickets.events(ticket.id)).toHaveLength(before.length);
  expect((await h.store.tickets.list({})).tickets).toHaveLength(1);
  expect(h.mailer.kinds()).toEqual(['acknowledgement']);
});

test('no loops: our own mail and our own outbound coming back are ignored', async () => {
  expect((await h.receive(eml({ from: SUPPORT, subject: 'x', id: '<own@partner.example>' }))).outcome.action).toBe(
    'ignored-own-mail',
  );
  expect(
    (
      await h.receive(
        eml({
          from: 'relay@acme.example',
          subject: 'x',
          id: '<loop@partner.example>',
          headers: { 'X-Soporte-Loop': 'SUP-2026-0001' },
        }),
      )
    ).outcome.action,
  ).toBe('ignored-own-mail');
  expect(h.mailer.sent).toEqual([]);
});

test('the same message twice opens one ticket and records nothing more', async () => {
  await openFromAna();
  const again = await h.receive(eml({ from: 'ana@acme.example', subject: 'Error al timbrar', id: '<new-1@acme.example>' }));
  expect(again.outcome).toMatchObject({ action: 'duplicate', ticketNumber: 'SUP-2026-0001' });
  expect((await h.store.tickets.list({})).tickets).toHaveLength(1);
  expect(h.mailer.kinds()).toEqual(['acknowledgement']);
});

test('a phone ticket awaiting email is linked when the client email names its number', async () => {
  const phone = await h.tickets.openFromPhone(L1, {
    clientId: 'acme',
    requesterEmail: 'ana@acme.example',
    subject: 'Producción caída',
    description: 'Llamada',
  });
  expect(phone.awaitingEmail).toBe(true);
  const { outcome } = await h.receive(
    eml({ from: 'ana@acme.example', subject: `Confirmo llamada [${phone.number}]`, id: '<confirm-call@acme.example>' }),
  );
  expect(outcome).toMatchObject({ action: 'linked-phone-ticket', ticketNumber: phone.number });
  expect(await h.store.tickets.get(phone.id)).toMatchObject({ awaitingEmail: false });
  expect((await h.store.tickets.list({})).tickets).toHaveLength(1);
});

test('X-Soporte-After-Hours records the advance request (status requested) beside the ticket', async () => {
  const { outcome } = await openFromAna('<ah@acme.example>', {
    headers: { 'X-Soporte-After-Hours': '2026-03-07T15:00:00Z/2026-03-07T19:00:00Z' },
  });
  expect(outcome.reason).toContain('after-hours attention requested for 2026-03-07T15:00:00.000Z/2026-03-07T19:00:00.000Z');
  expect(await h.store.afterHours.listWindows({ clientId: 'acme' })).toEqual([
    expect.objectContaining({
      status: 'requested',
      requestedBy: 'ana@acme.example',
      requestMessageId: '<ah@acme.example>',
      start: '2026-03-07T15:00:00.000Z',
      end: '2026-03-07T19:00:00.000Z',
    }),
  ]);
});

test('an attachment over the limit is refused clearly in the acknowledgement; the ticket still opens', async () => {
  const { outcome } = await h.receive(fixture('attachment.eml'), 1000);
  expect(outcome.action).toBe('opened');
  const ack = h.mailer.sent[0];
  expect(ack.locale).toBe('en');
  expect(ack.text).toContain('The attachment "import-log.pdf" (2 KB) was not accepted: attachments may be at most 1000 B.');
});

test('the files a client sends are kept with the ticket (from the opening email and from replies), once each', async () => {
  const { outcome } = await h.receive(fixture('attachment.eml'));
  const ticket = (await h.store.tickets.getByNumber(outcome.ticketNumber ?? ''))!;
  const files = await readTicketAttachments(h.store.state, ticket.id);
  expect(files).toEqual([
    expect.objectContaining({
      filename: 'import-log.pdf',
      contentType: 'application/pdf',
      messageId: '<attach-0001@acme.example>',
      storedRef: expect.any(String),
    }),
  ]);
  expect(files[0]!.sizeBytes).toBeGreaterThan(1000);
  const reply = fixture('attachment.eml')
    .replace('<attach-0001@acme.example>', '<attach-0002@acme.example>')
    .replace('Subject: Log of the failed import', `Subject: RE: [${ticket.number}] Log of the failed import`);
  expect((await h.receive(reply)).outcome.action).toBe('client-replied');
  const after = await readTicketAttachments(h.store.state, ticket.id);
  expect(after.map((f) => f.messageId)).toEqual(['<attach-0001@acme.example>', '<attach-0002@acme.example>']);
});

test('a reply on a ticket closed for no response opens a new ticket linked to it (closed tickets never reopen)', async () => {
  const { ticket } = await openFromAna();
  const fresh = async () => ref((await h.store.tickets.get(ticket.id))!);
  await h.tickets.requestInformation(L1, await fresh(), '¿Sigue ocurriendo?');
  for (let i = 1; i < 3; i += 1) {
    h.clock.advanceMinutes(24 * 60); // the policy spaces attempts one business day apart
    await h.tickets.recordContactAttempt(L1, await fresh(), `intento ${i + 1}`);
  }
  h.clock.advanceMinutes(24 * 60);
  await h.tickets.sendFinalNotice(SYSTEM, await fresh());
  h.clock.advanceMinutes(10 * 24 * 60);
  await h.tickets.closeForNoResponse(SYSTEM, await fresh());
  expect(await h.store.tickets.get(ticket.id)).toMatchObject({ status: 'closed', closeReason: 'no-response' });
  const { outcome } = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: 'Re: [SUP-2026-0001] Aviso final',
      id: '<late@acme.example>',
      body: 'Perdón, sigo con el problema.',
      date: 'Mon, 16 Mar 2026 16:00:00 +0000',
    }),
  );
  expect(outcome).toMatchObject({ action: 'opened-linked', ticketNumber: 'SUP-2026-0002' });
  const linked = await h.store.tickets.getByNumber('SUP-2026-0002');
  expect(linked).toMatchObject({ linkedTicketId: ticket.id, requesterEmail: 'ana@acme.example', status: 'new' });
  expect(await h.store.tickets.get(ticket.id)).toMatchObject({ status: 'closed' });
});

test("a message with neither subject nor text still opens a ticket, titled in the requester's language", async () => {
  const { outcome } = await h.receive(eml({ from: 'bob@acme.example', subject: '', id: '<empty@acme.example>', body: '' }));
  expect((await h.store.tickets.getByNumber(outcome.ticketNumber ?? ''))?.subject).toBe('(no subject)');
});

test('a consultant changing the ticket meanwhile (stale version) makes intake reload and retry, not quarantine', async () => {
  const { ticket } = await openFromAna();
  const stale = await h.store.tickets.get(ticket.id);
  await h.tickets.assign(L1, ref(stale!), 'staff-l1');
  const realGet = h.store.tickets.get.bind(h.store.tickets);
  let served = 0;
  // The first read hands intake the version from before the assignment, as a race would.
  h.store.tickets.get = async (id: string) => (id === ticket.id && served++ === 0 ? stale : realGet(id));
  const { outcome } = await h.receive(
    eml({
      from: 'ana@acme.example',
      subject: 'Re: x',
      id: '<race@acme.example>',
      inReplyTo: '<new-1@acme.example>',
      body: 'Otro dato.',
    }),
  );
  expect(outcome).toMatchObject({ disposition: 'processed', action: 'client-replied' });
  expect(served).toBeGreaterThanOrEqual(2); // stale first, reloaded after the ConflictError
  expect((await h.store.tickets.events(ticket.id)).filter((e) => e.type === 'client-replied')).toHaveLength(1);
});

describe("mail from the partner's staff", () => {
  const forwardBody =
    'Les reenvío lo que nos mandó Ana.\n\n---------- Forwarded message ---------\nFrom: Ana López <ana@acme.example>\nDate: Mon, Mar 2, 2026 at 9:40 AM\nSubject: Falla\n\nNo timbra.';

  test('a consultant forwarding a client email opens the ticket in the authorized requester\'s name (never "unauthorized")', async () => {
    const { outcome } = await h.receive(
      eml({ from: 'Luis <luis@partner.example>', subject: 'Fwd: Falla', id: '<fwd@partner.example>', body: forwardBody }),
    );
    expect(outcome).toMatchObject({
      disposition: 'processed',
      action: 'opened-from-staff-forward',
      ticketNumber: 'SUP-2026-0001',
    });
    expect(await h.store.tickets.getByNumber('SUP-2026-0001')).toMatchObject({
      requesterEmail: 'ana@acme.example',
      subject: 'Falla',
    });
    expect(h.mailer.sent.map((m) => [m.kind, m.to[0]])).toEqual([['acknowledgement', 'ana@acme.example']]);
    expect(h.notifier.kinds()).not.toContain('unauthorized-sender');
  });

  test('forwarded as an attachment (message/rfc822) works the same', async () => {
    const inner = eml({
      from: 'Bob Smith <bob@acme.example>',
      subject: 'Portal caído',
      id: '<inner@acme.example>',
      body: 'No entra nadie.',
    });
    const raw = [
      'From: luis@partner.example',
      `To: ${SUPPORT}`,
      'Subject: FW: Portal caído',
      'Message-ID: <fw-att@partner.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Ver adjunto.',
      '--b1',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="Portal.eml"',
      '',
      inner,
      '--b1--',
      '',
    ].join('\n');
    const { mail, outcome } = await h.receive(raw);
    expect(mail.forwardedFrom).toEqual({ address: 'bob@acme.example', name: 'Bob Smith' });
    expect(outcome).toMatchObject({ action: 'opened-from-staff-forward' });
    expect((await h.store.tickets.getByNumber(outcome.ticketNumber ?? ''))?.requesterEmail).toBe('bob@acme.example');
  });

  test('staff mail on a ticket joins its thread without counting as a client reply; staff mail about nothing is quarantined without any reply', async () => {
    const { ticket } = await openFromAna();
    const before = (await h.store.tickets.events(ticket.id)).length;
    const { outcome } = await h.receive(
      eml({
        from: 'luis@partner.example',
        subject: `[${ticket.number}] Error al timbrar`,
        id: '<addin-forward@partner.example>',
      }),
    );
    expect(outcome).toMatchObject({ action: 'staff-mail', ticketNumber: ticket.number });
    expect(await h.store.tickets.events(ticket.id)).toHaveLength(before);
    const lost = await h.receive(
      eml({ from: 'luis@partner.example', subject: 'Nota', id: '<nota@partner.example>', body: 'Recordatorio interno.' }),
    );
    expect(lost.outcome).toMatchObject({ disposition: 'quarantined', action: 'staff-mail-unmatched' });
    expect(h.mailer.kinds()).toEqual(['acknowledgement']);
    expect(h.notifier.kinds()).not.toContain('unauthorized-sender');
  });

  test('a consultant answering the client from Outlook (support copied) is the first response, then billed follow-ups', async () => {
    const { ticket } = await openFromAna();
    const toAna = { Cc: 'Ana López <ana@acme.example>' };
    const first = await h.receive(
      eml({
        from: 'Luis <luis@partner.example>',
        subject: `RE: [${ticket.number}] Error al timbrar`,
        id: '<luis-1@partner.example>',
        headers: toAna,
        body: 'Ana, ya lo estamos revisando.',
      }),
    );
    expect(first.outcome).toMatchObject({ action: 'staff-first-response', ticketNumber: ticket.number });
    const acknowledged = await h.store.tickets.get(ticket.id);
    expect(acknowledged).toMatchObject({ status: 'open' });
    expect(acknowledged?.firstResponseAt).toEqual(expect.any(String));
    const second = await h.receive(
      eml({
        from: 'Luis <luis@partner.example>',
        subject: `RE: [${ticket.number}] Error al timbrar`,
        id: '<luis-2@partner.example>',
        headers: toAna,
        body: 'Cambiamos el certificado.',
      }),
    );
    expect(second.outcome.action).toBe('staff-follow-up');
    const entries = await h.store.tickets.timeEntries({ ticketId: ticket.id });
    expect(entries.filter((e) => e.kind === 'follow-up').map((e) => e.minutes)).toEqual([15, 15]);
    // Nothing mailed back: the consultant's own email was the message.
    expect(h.mailer.kinds()).toEqual(['acknowledgement']);
  });
});
