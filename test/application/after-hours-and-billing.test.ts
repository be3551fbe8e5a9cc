import { AfterHoursService } from '../../shared/application/after-hours-service';
import { BillingService } from '../../shared/application/billing-service';
import { ClientMailer } from '../../shared/application/client-mailer';
import { NotAuthorizedError } from '../../shared/domain/common';
import { harness, L1, L2, MANAGER, REQUESTER, SYSTEM, ref, type Harness } from './fixture';

describe('AfterHoursService and BillingService', () => {
  let h: Harness;
  let afterHours: AfterHoursService;
  beforeEach(async () => {
    h = await harness();
    const mail = new ClientMailer({ mailer: h.mailer, clock: h.clock, state: h.store.state, directory: h.store.directory });
    afterHours = new AfterHoursService({ store: h.store, clock: h.clock, ids: h.ids, mail, sideEffects: h.errors });
  });
  afterEach(async () => {
    await h.close();
  });

  it('records a request in advance, lets a senior approve it, and tells the requester', async () => {
    await expect(
      afterHours.request(REQUESTER, {
        clientId: 'acme',
        requestedBy: 'ana@acme.example',
        start: '2026-03-02T10:00:00Z',
        end: '2026-03-02T12:00:00Z',
      }),
    ).rejects.toThrow(/in advance/);
    await expect(
      afterHours.request(L1, {
        clientId: 'acme',
        requestedBy: 'eve@acme.example',
        start: '2026-03-07T15:00:00Z',
        end: '2026-03-07T20:00:00Z',
      }),
    ).rejects.toThrow(/not an authorized requester/);
    const window = await afterHours.request(SYSTEM, {
      clientId: 'acme',
      requestedBy: 'ana@acme.example',
      start: '2026-03-07T15:00:00Z',
      end: '2026-03-07T20:00:00Z',
      requestMessageId: '<ah@acme>',
    });
    expect(window.status).toBe('requested');
    await expect(afterHours.approve(L1, window.id)).rejects.toThrow(NotAuthorizedError);
    const approved = await afterHours.approve(L2, window.id, 'migration weekend');
    expect(approved).toMatchObject({ status: 'approved', decidedBy: L2.id });
    await expect(afterHours.refuse(MANAGER, window.id)).rejects.toThrow(/already approved/);
    const mail = h.mailer.sent.find((m) => m.kind === 'after-hours-decision');
    expect(mail).toMatchObject({ to: ['ana@acme.example'], inReplyTo: '<ah@acme>', locale: 'es-MX' });
    expect(await afterHours.list({ clientId: 'acme', status: 'approved' })).toHaveLength(1);
  });

  it('reports billed time by kind per month with approved after-hours weighted and unapproved flagged apart', async () => {
    const window = await afterHours.request(REQUESTER, {
      clientId: 'acme',
      requestedBy: 'ana@acme.example',
      start: '2026-03-07T15:00:00Z',
      end: '2026-03-07T20:00:00Z',
    });
    await afterHours.approve(MANAGER, window.id);
    let { ticket } = await h.tickets.open(SYSTEM, {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Migration',
      description: '',
      channel: 'email',
    });
    ticket = await h.tickets.acknowledge(L2, ref(ticket)); // 15 regular follow-up
    ticket = await h.tickets.logSession(L2, ref(ticket), 60, 2); // 120 regular session
    h.clock.set('2026-03-07T16:00:00.000Z'); // Saturday, inside the approved window
    ticket = await h.tickets.logWork(L2, ref(ticket), 100); // 100 after hours x1.5 = 150
    h.clock.set('2026-03-08T16:00:00.000Z'); // Sunday, no window
    ticket = await h.tickets.logWork(L2, ref(ticket), 30); // flagged
    h.clock.set('2026-04-01T16:00:00.000Z');
    await h.tickets.logWork(L2, ref(ticket), 45); // April: not in the March report

    const report = await new BillingService({ store: h.store, policies: h.policies }).hoursReport('acme', '2026-03');
    expect(report.from).toBe('2026-03-01T06:00:00.000Z');
    const byKind = Object.fromEntries(report.rows.map((r) => [r.kind, r]));
    expect(byKind['follow-up']).toMatchObject({ entries: 1, regularMinutes: 15, chargeableMinutes: 15 });
    expect(byKind.session).toMatchObject({ entries: 1, regularMinutes: 120 });
    expect(byKind.work).toMatchObject({
      entries: 2,
      regularMinutes: 0,
      afterHoursMinutes: 100,
      afterHoursWeightedMinutes: 150,
      unapprovedAfterHoursMinutes: 30,
      chargeableMinutes: 180,
    });
    expect(report.total).toMatchObject({ entries: 4, regularMinutes: 135, afterHoursMinutes: 100, chargeableMinutes: 315 });
    await expect(new BillingService({ store: h.store, policies: h.policies }).hoursReport('acme', '2026-13')).rejects.toThrow(
      /month/,
    );
  });

  it('charges three after-hours follow-ups at 150% at 1,000.00 MXN/h 1,125.00, rounding the money once (not 1,150.00)', async () => {
    const client = await h.store.directory.getClient('acme');
    await h.store.directory.putClient({ ...client!, policyOverrides: { billing: { hourlyRateCents: 100_000 } } });
    const window = await afterHours.request(REQUESTER, {
      clientId: 'acme',
      requestedBy: 'ana@acme.example',
      start: '2026-03-07T15:00:00Z',
      end: '2026-03-07T20:00:00Z',
    });
    await afterHours.approve(MANAGER, window.id);
    let { ticket } = await h.tickets.open(SYSTEM, {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Weekend migration',
      description: '',
      channel: 'email',
    });
    h.clock.set('2026-03-07T16:00:00.000Z'); // Saturday, inside the approved window
    for (const kind of ['progress', 'follow-up', 'information-request'] as const)
      ticket = await h.tickets.logFollowUp(L2, ref(ticket), kind);

    const report = await new BillingService({ store: h.store, policies: h.policies }).hoursReport('acme', '2026-03');
    expect(report.total).toMatchObject({
      entries: 3,
      afterHoursMinutes: 45,
      afterHoursWeightedMinutes: 67.5,
      chargeableMinutes: 67.5,
      amountCents: 112_500,
    });
    expect(report.total.amountCents).toBe(report.rows.reduce((sum, row) => sum + row.amountCents, 0));
  });
});
