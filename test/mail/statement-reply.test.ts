import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import { parseMime } from '../../shared/infra/mail/mime-parser';
import { statementServiceFor } from '../support/statement-service-for';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

const MANAGER = { role: 'manager' as const, id: 'staff-mgr' };

describe('mail intake: a reply to a sent statement reaches the managers, not ticket intake', () => {
  let h: IntakeHarness;
  beforeEach(async () => {
    h = await intakeHarness();
  });
  afterEach(async () => h.close());

  it('keeps "de acuerdo" and a dispute with the statement and opens no ticket', async () => {
    const statements = statementServiceFor(h);
    const intake = new MailIntakeService({
      tickets: h.tickets,
      store: h.store,
      clientMailer: h.clientMailer,
      notifier: h.notifier,
      clock: h.clock,
      ids: { newId: () => 'x' },
      ownAddresses: [SUPPORT],
      statements,
    });
    await statements.draft(MANAGER, 'acme', '2026-02');
    const sent = await statements.send(MANAGER, 'stmt-acme-2026-02');
    const receive = async (raw: string) =>
      intake.handle(
        await parseMime(Buffer.from(raw.replace(/\r?\n/g, '\r\n')), {
          originalRef: 'r.eml',
          receivedAt: h.clock.now(),
          attachments: h.attachments,
        }),
        { quarantineRef: 'q/r.eml' },
      );

    const agreed = await receive(
      eml({
        from: 'bob@acme.example',
        subject: 'RE: Soporte: su estado de cuenta de febrero 2026',
        id: '<agree-1@acme.example>',
        inReplyTo: sent.sentMessageId!,
        references: [sent.sentMessageId!],
        body: 'De acuerdo.\n\n> Le enviamos su estado de cuenta',
      }),
    );
    expect(agreed).toMatchObject({ disposition: 'processed', action: 'statement-reply' });
    const disputed = await receive(
      eml({
        from: 'ana@acme.example',
        subject: 'RE: estado de cuenta',
        id: '<dispute-1@acme.example>',
        references: [sent.sentMessageId!],
        body: 'La sesión del 3 de febrero no fue de dos consultores.',
      }),
    );
    expect(disputed).toMatchObject({ action: 'statement-reply' });

    expect(
      h.notifier.sent.filter((n) => n.kind === 'statement-reply').map((n) => n.kind === 'statement-reply' && [n.from, n.intent]),
    ).toEqual([
      ['bob@acme.example', 'agreed'],
      ['ana@acme.example', 'disputed'],
    ]);
    expect((await h.store.statements.get(sent.id))!.replies?.map((r) => r.excerpt)).toEqual([
      'De acuerdo.',
      'La sesión del 3 de febrero no fue de dos consultores.',
    ]);
    expect((await h.store.tickets.list({})).tickets).toEqual([]);
  });
});
