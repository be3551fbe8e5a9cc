import ExcelJS from 'exceljs';
import { BillingService } from '../../shared/application/billing-service';
import type { StatementService } from '../../shared/application/statement-service';
import { billedMinutes } from '../../shared/domain/billing';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../shared/domain/common';
import { statementServiceFor } from '../support/statement-service-for';
import { harness, L2, MANAGER, ref, REQUESTER, type Harness } from './fixture';

/** Tuesday 3 February 2026, 10:00 in Mexico City (Monday the 2nd is a rest day). */
const FEB_3 = '2026-02-03T16:00:00.000Z';
/** Monday 2 March 2026, 08:31: the first business minute of March has passed. */
const MARCH_FIRST_BUSINESS = '2026-03-02T14:31:00.000Z';

describe('StatementService: monthly statements drafted, reviewed, sent once, answered', () => {
  let h: Harness;
  let statements: StatementService;

  beforeEach(async () => {
    h = await harness(FEB_3);
    const acme = (await h.store.directory.getClient('acme'))!;
    await h.store.directory.putClient({ ...acme, policyOverrides: { billing: { hourlyRateCents: 100_000 } } });
    statements = statementServiceFor(h);
    // February: one ticket answered, worked, extended, resolved and validated; one answered late.
    let t = (
      await h.tickets.open(REQUESTER, {
        clientId: 'acme',
        requesterEmail: 'ana@acme.example',
        subject: 'Timbrado',
        description: 'Error 301',
        channel: 'email',
        priority: 'high',
        sourceMessageId: '<s1@acme.example>',
      })
    ).ticket;
    h.clock.advanceMinutes(20);
    t = await h.tickets.acknowledge(L2, ref(t));
    t = await h.tickets.logSession(L2, ref(t), 60, 2, 'call with the client');
    t = await h.tickets.logWork(L2, ref(t), 90, 'certificate renewed');
    t = await h.tickets.requestBudgetExtension(L2, ref(t), 120, 'a second environment');
    t = await h.tickets.approveBudgetExtension(
      { role: 'requester', id: 'bob@acme.example' },
      ref(t),
      t.pendingExtension!.requestId,
    );
    t = await h.tickets.resolve(L2, ref(t), 'renewed');
    await h.tickets.validateResolution(REQUESTER, ref(t));
    const late = (
      await h.tickets.open(REQUESTER, {
        clientId: 'acme',
        requesterEmail: 'ana@acme.example',
        subject: 'Correo',
        description: 'No llega',
        channel: 'email',
        priority: 'critical',
        sourceMessageId: '<s2@acme.example>',
      })
    ).ticket;
    h.clock.advanceMinutes(45);
    await h.tickets.acknowledge(L2, ref(late));
    h.notifier.sent.length = 0;
  });
  afterEach(async () => h.close());

  it('drafts last month on the first business day, once, with figures that match the hours report', async () => {
    h.clock.set('2026-03-02T14:00:00.000Z'); // 08:00, before opening: not yet
    expect(await statements.draftDue()).toEqual([]);
    h.clock.set(MARCH_FIRST_BUSINESS);
    expect(await statements.draftDue()).toEqual(['stmt-acme-2026-02']);
    expect(await statements.draftDue()).toEqual([]);
    expect(h.notifier.kinds()).toEqual(['statement-draft']);
    const { data } = (await h.store.statements.get('stmt-acme-2026-02'))!;

    const report = await new BillingService({ store: h.store, policies: h.policies }).hoursReport('acme', '2026-02');
    // The statement carries the hours report itself: same engine, same figures.
    expect(data.summary).toEqual(report);
    expect(data.lines).toHaveLength(report.total.entries);
    // Each follow-up (acknowledgements, the extension request, the conclusion...) is charged 15 minutes; the session 60 x 2.
    expect(
      data.lines.filter((l) => l.kind !== 'follow-up').map((l) => [l.kind, l.minutes, l.consultants, l.billedMinutes]),
    ).toEqual([
      ['session', 60, 2, 120],
      ['work', 90, 1, 90],
    ]);
    expect(data.lines.filter((l) => l.kind === 'follow-up').every((l) => l.billedMinutes === 15)).toBe(true);
    expect(data.totalCents).toBe(report.total.amountCents);
    expect(data.totalCents).toBe(report.rows.reduce((cents, row) => cents + row.amountCents, 0));
    expect(data.lines.every((l) => /^SUP-2026-\d{4}$/.test(l.ticketNumber))).toBe(true);
    expect(data.tickets).toEqual({ opened: 2, resolved: 1, closedValidated: 1, closedNoResponse: 0 });
    expect(data.compliance.response).toMatchObject({ met: 1, breached: 1, percent: 50 });
    expect(data.compliance.byPriority.critical.response).toMatchObject({ breached: 1 });
    expect(data.extensions).toEqual({ requested: 1, approved: 1, approvedMinutes: 120, refused: 0 });
  });

  it('renders the PDF, CSV and XLSX with the same numbers', async () => {
    h.clock.set(MARCH_FIRST_BUSINESS);
    const { statement, files } = await statements.draft(MANAGER, 'acme', '2026-02');
    expect(files.map((f) => f.name)).toEqual([
      'soporte-acme-2026-02.pdf',
      'soporte-acme-2026-02.csv',
      'soporte-acme-2026-02.xlsx',
    ]);
    expect(Buffer.from(files[0].content).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = Buffer.from(files[1].content).toString('utf8').trim().split('\r\n');
    expect(csv[0]).toBe(
      'date,ticket,kind,follow_up_kind,minutes,consultants,billed_minutes,after_hours,multiplier_percent,charge_cents,currency',
    );
    expect(csv).toHaveLength(1 + statement.data.lines.length + 1);
    expect(csv[csv.length - 1]).toBe(
      `total,,,,,,${billedMinutes(statement.data.summary.total)},,,${statement.data.totalCents},MXN`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files[2].content) as unknown as ArrayBuffer);
    const lines = book.worksheets[1];
    const last = lines.getRow(lines.rowCount);
    expect(last.getCell(5).value).toBe(billedMinutes(statement.data.summary.total));
    expect(last.getCell(7).value).toBe(statement.data.totalCents! / 100);
    expect(book.worksheets[0].getRow(1).getCell(1).value).toContain('ACME: estado de cuenta de febrero');
  });

  it('is sent only by a manager, to the client administrators with its files, and never changes after', async () => {
    h.clock.set(MARCH_FIRST_BUSINESS);
    await statements.draft(MANAGER, 'acme', '2026-02');
    await expect(statements.send(L2, 'stmt-acme-2026-02')).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(statements.hold(MANAGER, 'stmt-acme-2026-02', '  ')).rejects.toBeInstanceOf(ValidationError);
    expect((await statements.hold(MANAGER, 'stmt-acme-2026-02', 'check the session length')).status).toBe('held');
    const statementMails = () => h.mailer.sent.filter((m) => m.kind === 'statement');
    expect(statementMails()).toEqual([]);

    const sent = await statements.send(MANAGER, 'stmt-acme-2026-02');
    expect(sent).toMatchObject({
      status: 'sent',
      decidedBy: MANAGER.id,
      sentTo: ['bob@acme.example'],
      sentMessageId: expect.stringMatching(/^<m\d+@test>$/),
    });
    expect(sent.note).toBeUndefined();
    const [mail] = statementMails();
    expect(mail).toMatchObject({
      kind: 'statement',
      to: ['bob@acme.example'],
      locale: 'es-MX',
      subject: 'Soporte: su estado de cuenta de febrero 2026',
    });
    expect(mail.text).toContain('responder "de acuerdo"');
    expect(mail.attachments?.map((a) => a.name)).toEqual([
      'soporte-acme-2026-02.pdf',
      'soporte-acme-2026-02.csv',
      'soporte-acme-2026-02.xlsx',
    ]);
    await expect(statements.send(MANAGER, 'stmt-acme-2026-02')).rejects.toBeInstanceOf(ConflictError);
    await expect(statements.hold(MANAGER, 'stmt-acme-2026-02', 'too late')).rejects.toBeInstanceOf(ConflictError);
    await expect(statements.draft(MANAGER, 'acme', '2026-02')).rejects.toBeInstanceOf(ConflictError);
    expect(statementMails()).toHaveLength(1);
    await expect(statements.draft(MANAGER, 'acme', '2026-03')).rejects.toThrow('has not ended yet');
    // March's statement continues the client's statement conversation.
    h.clock.set('2026-04-01T15:00:00.000Z');
    await statements.draft(MANAGER, 'acme', '2026-03');
    await statements.send(MANAGER, 'stmt-acme-2026-03');
    expect(statementMails()[1].references).toEqual([sent.sentMessageId]);
  });

  it("passes the client's agreement or dispute to the managers and keeps it with the statement", async () => {
    h.clock.set(MARCH_FIRST_BUSINESS);
    await statements.draft(MANAGER, 'acme', '2026-02');
    const sent = await statements.send(MANAGER, 'stmt-acme-2026-02');
    h.notifier.sent.length = 0;
    expect(
      await statements.recordReply({
        from: 'bob@acme.example',
        text: 'De acuerdo, gracias.',
        inReplyTo: sent.sentMessageId,
        messageId: '<r1@acme.example>',
      }),
    ).toBe(true);
    expect(
      await statements.recordReply({
        from: 'bob@acme.example',
        text: 'La sesión del 3 de febrero duró 30 minutos, no 60.',
        references: ['<x@acme.example>', sent.sentMessageId!],
      }),
    ).toBe(true);
    expect(
      await statements.recordReply({ from: 'bob@acme.example', text: 'Otro tema', inReplyTo: '<unrelated@soporte.test>' }),
    ).toBe(false);
    expect(h.notifier.sent.map((n) => (n.kind === 'statement-reply' ? n.intent : n.kind))).toEqual(['agreed', 'disputed']);
    expect((await h.store.statements.get(sent.id))!.replies?.map((r) => r.intent)).toEqual(['agreed', 'disputed']);
  });
});
