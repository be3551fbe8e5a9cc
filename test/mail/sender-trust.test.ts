import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DirectoryService } from '../../shared/application/directory-service';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import type { SenderAuthenticationPolicy } from '../../shared/domain/mail';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

/** What Exchange Online stamps on a message from a domain that publishes DMARC, when someone else forged it. */
const FORGED =
  'spf=fail (sender IP is 198.51.100.23) smtp.mailfrom=acme.example; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=acme.example;compauth=fail reason=000';
const GENUINE =
  'spf=pass (sender IP is 40.107.22.41) smtp.mailfrom=acme.example; dkim=pass (signature was verified) header.d=acme.example;dmarc=pass action=none header.from=acme.example;compauth=pass reason=100';

let h: IntakeHarness;
beforeEach(async () => {
  h = await intakeHarness();
});
afterEach(async () => {
  await h.close();
});

/** Drops `raw` into DATA_DIR/maildrop and runs one poll of the real maildrop mailbox through intake. */
async function viaMaildrop(raw: string, intake: MailIntakeService = h.intake) {
  const dropDir = path.join(h.dir, 'maildrop');
  mkdirSync(dropDir, { recursive: true });
  const name = `m-${readdirSync(dropDir).length}-${Date.now()}.eml`;
  writeFileSync(path.join(dropDir, name), raw.replace(/\r?\n/g, '\r\n'));
  const poller = new MailPoller(new MaildropMailbox({ dataDir: h.dir, clock: h.clock, attachments: h.attachments }), intake);
  const report = await poller.pollOnce();
  return { outcome: report.outcomes[0], name };
}

function withPolicy(senderAuthentication: SenderAuthenticationPolicy): MailIntakeService {
  return new MailIntakeService({
    tickets: h.tickets,
    store: h.store,
    clientMailer: h.clientMailer,
    notifier: h.notifier,
    clock: h.clock,
    ids: { newId: () => `p-${Math.random()}` },
    ownAddresses: [SUPPORT],
    senderAuthentication,
  });
}

describe('the instant a message was received decides, not its Date header (issue 10, point 6)', () => {
  test('a requester deactivated this morning cannot backdate a message to open a ticket', async () => {
    const bob = { role: 'requester' as const, id: 'bob@acme.example' };
    await new DirectoryService({ store: h.store, clock: h.clock, ids: { newId: () => 'x' } }).deactivateRequester(bob, {
      clientId: 'acme',
      email: 'ana@acme.example',
      effective: '2026-03-02T12:00:00.000Z',
    });
    const { outcome } = await viaMaildrop(
      eml({
        from: 'Ana <ana@acme.example>',
        subject: 'Backdated',
        id: '<backdated@acme.example>',
        date: 'Fri, 27 Feb 2026 10:00:00 -0600',
      }),
    );
    expect(outcome).toMatchObject({ disposition: 'quarantined', action: 'unauthorized' });
    expect(await h.store.tickets.findBySourceMessageId('<backdated@acme.example>')).toBeUndefined();
  });

  test('a backdated Date header does not start the SLA clock earlier: the ticket opens when the mail arrived', async () => {
    const { outcome } = await viaMaildrop(
      eml({
        from: 'Bob <bob@acme.example>',
        subject: 'Old date',
        id: '<old-date@acme.example>',
        date: 'Mon, 2 Feb 2026 09:00:00 -0600',
      }),
    );
    expect(outcome).toMatchObject({ disposition: 'processed', action: 'opened' });
    const ticket = await h.store.tickets.findBySourceMessageId('<old-date@acme.example>');
    expect(ticket?.openedAt).toBe(h.clock.now().toISOString());
  });
});

describe('spoofed senders (issue 10, point 7)', () => {
  test('Exchange says dmarc=fail: quarantined with the reason, managers told, no reply to the forged address', async () => {
    const { outcome, name } = await viaMaildrop(
      eml({
        from: 'Ana <ana@acme.example>',
        subject: 'Cambien mi contraseña',
        id: '<forged@evil.example>',
        headers: { 'Authentication-Results': FORGED },
      }),
    );
    expect(outcome).toMatchObject({ disposition: 'quarantined', action: 'spoofed-sender' });
    expect(outcome.reason).toMatch(
      /failed authentication \(dmarc=fail, spf=fail without dkim=pass \(dkim=none\), compauth=fail reason=000\)/,
    );
    expect(h.mailer.sent).toEqual([]);
    expect(h.notifier.sent).toEqual([
      expect.objectContaining({
        kind: 'quarantined-mail',
        reason: 'spoofed-sender',
        senderEmail: 'ana@acme.example',
        clientId: 'acme',
        managerEmails: ['marta@partner.example'],
      }),
    ]);
    expect(await h.store.tickets.findBySourceMessageId('<forged@evil.example>')).toBeUndefined();
    // Kept: the original file and its reason in quarantine/.
    const kept = readdirSync(path.join(h.dir, 'mail', 'quarantine'));
    expect(kept).toContain(name);
    expect(JSON.parse(readFileSync(path.join(h.dir, 'mail', 'quarantine', `${name}.reason.json`), 'utf8')).action).toBe(
      'spoofed-sender',
    );
  });

  test("a forged pass header added below Exchange's own does not override its verdict", async () => {
    const raw = eml({
      from: 'ana@acme.example',
      subject: 'x',
      id: '<forged-2@evil.example>',
      headers: { 'Authentication-Results': FORGED },
    }).replace('MIME-Version', `Authentication-Results: ${GENUINE}\nMIME-Version`);
    const { outcome } = await viaMaildrop(raw);
    expect(outcome).toMatchObject({ disposition: 'quarantined', action: 'spoofed-sender' });
  });

  test('Exchange says pass: the ticket opens as usual', async () => {
    const { outcome } = await viaMaildrop(
      eml({
        from: 'ana@acme.example',
        subject: 'Genuino',
        id: '<genuine@acme.example>',
        headers: { 'Authentication-Results': GENUINE },
      }),
    );
    expect(outcome).toMatchObject({ disposition: 'processed', action: 'opened' });
  });

  test('maildrop mail with no verdict header is accepted as before', async () => {
    const { outcome } = await viaMaildrop(
      eml({ from: 'ana@acme.example', subject: 'Sin encabezados', id: '<plain@acme.example>' }),
    );
    expect(outcome).toMatchObject({ disposition: 'processed', action: 'opened' });
  });

  test('policy reject: kept as processed, nobody told, no reply; policy accept: the ticket opens', async () => {
    const rejected = await viaMaildrop(
      eml({ from: 'ana@acme.example', subject: 'r', id: '<rej@evil.example>', headers: { 'Authentication-Results': FORGED } }),
      withPolicy('reject'),
    );
    expect(rejected.outcome).toMatchObject({ disposition: 'processed', action: 'rejected-spoofed' });
    expect(h.notifier.sent).toEqual([]);
    expect(h.mailer.sent).toEqual([]);
    const accepted = await viaMaildrop(
      eml({
        from: 'ana@acme.example',
        subject: 'a',
        id: '<acc@evil.example>',
        headers: { 'ARC-Authentication-Results': `i=1; mx.microsoft.com 1; ${FORGED}` },
      }),
      withPolicy('accept'),
    );
    expect(accepted.outcome).toMatchObject({ disposition: 'processed', action: 'opened' });
  });
});

describe('a requester of two clients is resolved by the client of the message (issue 10 point 9, issue 11 point 2)', () => {
  beforeEach(async () => {
    await h.store.directory.putClient({
      id: 'globex',
      name: 'Globex',
      domains: ['globex.example'],
      locale: 'en',
      managerEmails: ['gabriel@partner.example'],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await h.store.directory.putRequester({
      id: 'r-ana-globex',
      clientId: 'globex',
      email: 'ana@acme.example',
      name: 'Ana (Globex)',
      isClientAdmin: false,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
  });

  test('a new message names no client: no ticket at whichever client comes first, managers of both told, no reply', async () => {
    const { outcome } = await viaMaildrop(eml({ from: 'ana@acme.example', subject: 'Ambigua', id: '<ambiguous@acme.example>' }));
    expect(outcome).toMatchObject({ disposition: 'quarantined', action: 'ambiguous-requester' });
    expect(h.notifier.sent).toEqual([
      expect.objectContaining({
        kind: 'quarantined-mail',
        reason: 'ambiguous-requester',
        detail: 'ACME, Globex',
        managerEmails: ['marta@partner.example', 'gabriel@partner.example'],
      }),
    ]);
    expect(h.mailer.sent).toEqual([]);
  });

  test('a reply on a Globex ticket is Ana of Globex, whatever record is found first', async () => {
    const { ticket } = await h.tickets.open(
      { role: 'manager', id: 'staff-mgr' },
      { clientId: 'globex', requesterEmail: 'ana@acme.example', subject: 'Globex printer', description: 'd', channel: 'phone' },
    );
    const { outcome } = await viaMaildrop(
      eml({
        from: 'ana@acme.example',
        subject: `RE: [${ticket.number}] Globex printer`,
        id: '<reply-globex@acme.example>',
        body: 'Sigue fallando.',
      }),
    );
    expect(outcome).toMatchObject({ disposition: 'processed', ticketNumber: ticket.number });
    expect((await h.store.tickets.get(ticket.id))?.clientId).toBe('globex');
  });
});
