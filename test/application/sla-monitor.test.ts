import { ClientMailer } from '../../shared/application/client-mailer';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { mergePolicy } from '../../shared/domain/policy';
import { PolicyRegistry } from '../../shared/application/policy-registry';
import { SlaMonitor } from '../../shared/application/sla-monitor/sla-monitor';
import { TicketService } from '../../shared/application/ticket-service';
import { openSqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import {
  CapturingMailer,
  CapturingNotifier,
  CollectedErrors,
  harness,
  L1,
  L2,
  ref,
  SequentialIds,
  SYSTEM,
  type Harness,
} from './fixture';
import { ANA_MAIL as MAIL } from '../support/acme';

function monitorFor(h: Harness, holder = 'instance-a', notifier = h.notifier): SlaMonitor {
  return new SlaMonitor({
    store: h.store,
    clock: h.clock,
    notifier,
    mail: new ClientMailer({ mailer: h.mailer, clock: h.clock, state: h.store.state, alerts: h.store.alerts }),
    tickets: h.tickets,
    policies: h.policies,
    sideEffects: h.errors,
    holder,
    intervalMs: 60_000,
  });
}

function slaAlerts(notifier: CapturingNotifier): string[] {
  return notifier.sent.flatMap((n) => (n.kind === 'sla-alert' ? [`${n.ticket.number}:${n.clock}:${n.threshold}`] : []));
}

describe('SlaMonitor', () => {
  let h: Harness;
  beforeEach(async () => {
    // Monday 2 March 2026, 08:00 in Mexico City: before opening, so no digest is due at the first sweeps.
    h = await harness('2026-03-02T14:00:00.000Z');
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends at-risk then breached once per ticket and clock, across a restart', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const { ticket } = await h.tickets.open(SYSTEM, { ...MAIL, priority: 'critical' });
    const monitor = monitorFor(h);
    h.clock.advanceMinutes(10);
    expect((await monitor.sweep()).slaAlerts).toBe(0);
    h.clock.advanceMinutes(13); // 23 min: past 75% of 30
    expect((await monitor.sweep()).slaAlerts).toBe(1);
    h.clock.advanceMinutes(1);
    expect((await monitor.sweep()).slaAlerts).toBe(0);
    expect(slaAlerts(h.notifier)).toEqual([`${ticket.number}:response:at-risk`]);

    // A restart: a new monitor on the same store re-sends nothing and sends the breach once.
    const restarted = monitorFor(h);
    h.clock.advanceMinutes(10);
    await restarted.sweep();
    await restarted.sweep();
    expect(slaAlerts(h.notifier)).toEqual([`${ticket.number}:response:at-risk`, `${ticket.number}:response:breached`]);
    const breach = h.notifier.sent.find((n) => n.kind === 'sla-alert' && n.threshold === 'breached');
    expect(breach && 'dueAt' in breach ? breach.dueAt : undefined).toBe('2026-03-02T16:30:00.000Z');
    expect(await h.store.alerts.get(`sla:${ticket.id}:response:breached`)).toMatchObject({ holder: 'instance-a' });
  });

  it('with two instances on one database only the lease holder sweeps, and a takeover sends nothing twice', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    await h.tickets.open(SYSTEM, { ...MAIL, priority: 'critical' });
    const second = await openSqliteStore({ file: h.store.file, clock: h.clock });
    const notifierB = new CapturingNotifier();
    const policiesB = new PolicyRegistry(second.state, second.directory);
    const mailB = new ClientMailer({ mailer: new CapturingMailer(), clock: h.clock, state: second.state });
    const ticketsB = new TicketService({
      store: second,
      clock: h.clock,
      ids: new SequentialIds('b'),
      policies: policiesB,
      mail: mailB,
      notifier: notifierB,
      sideEffects: new CollectedErrors(),
    });
    const b = new SlaMonitor({
      store: second,
      clock: h.clock,
      notifier: notifierB,
      mail: mailB,
      tickets: ticketsB,
      policies: policiesB,
      sideEffects: new CollectedErrors(),
      holder: 'instance-b',
      intervalMs: 60_000,
    });
    const a = monitorFor(h, 'instance-a');
    try {
      h.clock.advanceMinutes(31);
      const [ra, rb] = await Promise.all([a.sweep(), b.sweep()]);
      expect([ra.active, rb.active].sort()).toEqual([false, true]);
      const total = () =>
        h.notifier.sent.filter((n) => n.kind === 'sla-alert').length +
        notifierB.sent.filter((n) => n.kind === 'sla-alert').length;
      expect(total()).toBe(1);
      // A stops answering (crash: no release); after the lease lapses B takes over and re-sends nothing.
      const holder = ra.active ? b : a;
      h.clock.advanceMinutes(4);
      const report = await holder.sweep();
      expect(report.active).toBe(true);
      expect(total()).toBe(1);
      expect((await holder.status()).lease?.holder).toBe(ra.active ? 'instance-b' : 'instance-a');
    } finally {
      await second.close();
    }
  });

  it('runs the no-response workflow: final notice a business day after the third attempt, closure after five business days', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.requestInformation(L1, ref(ticket), 'Which user?');
    h.clock.set('2026-03-03T16:00:00.000Z');
    ticket = await h.tickets.recordContactAttempt(L1, ref(ticket));
    const monitor = monitorFor(h);
    expect((await monitor.sweep()).finalNotices).toBe(0);
    h.clock.set('2026-03-04T16:00:00.000Z');
    ticket = await h.tickets.recordContactAttempt(L1, ref(ticket));
    expect((await monitor.sweep()).finalNotices).toBe(0);
    h.clock.set('2026-03-05T15:59:00.000Z');
    expect((await monitor.sweep()).finalNotices).toBe(0);
    // The server was down from Thursday morning to Friday: the final notice that fell due goes at the next sweep, once.
    h.clock.set('2026-03-06T17:00:00.000Z');
    const report = await monitor.sweep();
    expect(report.finalNotices).toBe(1);
    expect((await monitor.sweep()).finalNotices).toBe(0);
    expect(h.mailer.kinds().filter((k) => k === 'final-notice')).toHaveLength(1);
    // Friday 11:00 notice: closes at the end of business of the fifth business day after (Friday 13 March 18:00 = 14 March 00:00Z).
    h.clock.set('2026-03-13T23:00:00.000Z');
    expect((await monitor.sweep()).closedNoResponse).toBe(0);
    h.clock.set('2026-03-14T00:05:00.000Z');
    expect((await monitor.sweep()).closedNoResponse).toBe(1);
    const closed = await h.store.tickets.get(ticket.id);
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'no-response' });
    expect(h.notifier.kinds()).toContain('closed-no-response');
    expect(h.errors.errors).toEqual([]);
  });

  it('reminds about phone tickets awaiting their email (client emailed once) and about Microsoft cases', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const phone = await h.tickets.openFromPhone(L1, {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Server down',
      description: 'call',
    });
    let { ticket } = await h.tickets.open(SYSTEM, { ...MAIL, sourceMessageId: '<ms@acme>' });
    ticket = await h.tickets.acknowledge(L2, ref(ticket));
    ticket = await h.tickets.escalate(L2, ref(ticket), 'L4', 'Exchange bug');
    const monitor = monitorFor(h);
    h.clock.advanceMinutes(61);
    let report = await monitor.sweep();
    expect(report.phoneReminders).toBe(1);
    h.clock.advanceMinutes(60);
    report = await monitor.sweep();
    expect(report.phoneReminders).toBe(1);
    expect((await monitor.sweep()).phoneReminders).toBe(0);
    expect(h.mailer.kinds().filter((k) => k === 'phone-email-reminder')).toHaveLength(1);
    h.clock.advanceMinutes(120);
    report = await monitor.sweep();
    expect(report.microsoftReminders).toBe(1);
    expect(
      h.notifier.sent.filter((n) => n.kind === 'microsoft-case-reminder').map((n) => ('ticket' in n ? n.ticket.id : '')),
    ).toEqual([ticket.id]);
    await h.tickets.linkEmail(SYSTEM, ref(phone), '<confirm@acme>');
    h.clock.advanceMinutes(60);
    expect((await monitor.sweep()).phoneReminders).toBe(0);
  });

  it("a phone ticket's client reminder that fell due while the server was down goes at the next sweep, once", async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const phone = await h.tickets.openFromPhone(L1, {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Server down',
      description: 'call',
    });
    // Down from 10:00 to 13:30: the first reminder interval (60 business minutes) passed three times unseen.
    h.clock.set('2026-03-02T19:30:00.000Z');
    const monitor = monitorFor(h);
    const report = await monitor.sweep();
    expect(report.phoneReminders).toBe(1);
    expect(h.mailer.kinds().filter((k) => k === 'phone-email-reminder')).toHaveLength(1);
    expect(h.mailer.sent.find((m) => m.kind === 'phone-email-reminder')?.to).toEqual(['ana@acme.example']);
    // A restarted monitor (same ledger) sends nothing again.
    expect((await monitorFor(h).sweep()).phoneReminders).toBe(0);
    h.clock.advanceMinutes(60);
    expect((await monitor.sweep()).phoneReminders).toBe(1); // staff again; the client only once
    expect(h.mailer.kinds().filter((k) => k === 'phone-email-reminder')).toHaveLength(1);
    expect(h.notifier.sent.filter((n) => n.kind === 'phone-email-reminder' && n.ticket.id === phone.id)).toHaveLength(2);
    expect(h.errors.errors).toEqual([]);
  });

  it('tells the assignee once when the next contact attempt is due, even after downtime', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.requestInformation(L1, ref(ticket), 'Which user?');
    const monitor = monitorFor(h);
    h.clock.set('2026-03-03T15:59:00.000Z');
    expect((await monitor.sweep()).contactAttemptsDue).toBe(0);
    // Down from Tuesday morning to Wednesday: attempt 2 fell due Tuesday 10:00; told at the next sweep, once.
    h.clock.set('2026-03-04T17:00:00.000Z');
    expect((await monitor.sweep()).contactAttemptsDue).toBe(1);
    expect((await monitorFor(h).sweep()).contactAttemptsDue).toBe(0);
    expect(h.notifier.sent.filter((n) => n.kind === 'contact-attempt-due')).toEqual([
      expect.objectContaining({ attempt: 2, maxAttempts: 3 }),
    ]);
    await h.tickets.recordContactAttempt(L1, ref((await h.store.tickets.get(ticket.id))!));
    h.clock.set('2026-03-05T17:00:00.000Z');
    expect((await monitor.sweep()).contactAttemptsDue).toBe(1);
    expect(
      h.notifier.sent
        .filter((n) => n.kind === 'contact-attempt-due')
        .map((n) => (n.kind === 'contact-attempt-due' ? n.attempt : 0)),
    ).toEqual([2, 3]);
    expect(h.errors.errors).toEqual([]);
  });

  it('alerts budget consumption at 80% and 100% once per approved budget', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.acknowledge(L2, ref(ticket)); // 15
    ticket = await h.tickets.logWork(L2, ref(ticket), 275); // 290 of 360 = 80.5%
    const monitor = monitorFor(h);
    await monitor.sweep();
    ticket = await h.tickets.logWork(L2, ref(ticket), 80); // 370: 102%
    await monitor.sweep();
    await monitor.sweep();
    const percents = () => h.notifier.sent.flatMap((n) => (n.kind === 'budget-alert' ? [`${n.budgetMinutes}:${n.percent}`] : []));
    expect(percents()).toEqual(['360:80', '360:100']);
    ticket = await h.tickets.requestBudgetExtension(L2, ref(ticket), 120, 'more');
    await h.tickets.approveBudgetExtension(
      { role: 'requester', id: 'ana@acme.example' },
      ref(ticket),
      ticket.pendingExtension!.requestId,
    );
    await monitor.sweep(); // 385 of 480 = 80.2%
    expect(percents()).toEqual(['360:80', '360:100', '480:80']);
  });

  it('sends the managers one digest per business day with the urgent and unassigned tickets', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const { ticket } = await h.tickets.open(SYSTEM, { ...MAIL, priority: 'critical' });
    const monitor = monitorFor(h);
    h.clock.advanceMinutes(40);
    expect((await monitor.sweep()).digests).toBe(1);
    expect((await monitor.sweep()).digests).toBe(0);
    const digest = h.notifier.sent.find((n) => n.kind === 'daily-digest');
    expect(digest).toMatchObject({
      date: '2026-03-02',
      lines: [{ ticketNumber: ticket.number, responseState: 'breached', status: 'new' }],
    });
    h.clock.set('2026-03-03T15:00:00.000Z'); // Tuesday 09:00
    expect((await monitor.sweep()).digests).toBe(1);
  });

  it('takes the digest calendar and its date from the desk policy the registry was given, not a built-in default', async () => {
    // Monday 2 March 2026, 18:40 UTC: 12:40 in Mexico City (open), 19:40 in Madrid (closed).
    h.clock.set('2026-03-02T18:40:00.000Z');
    const madrid = mergePolicy(DEFAULT_POLICY, { calendar: { timezone: 'Europe/Madrid', holidays: [] } });
    const policies = new PolicyRegistry(h.store.state, h.store.directory, undefined, madrid);
    const monitor = new SlaMonitor({
      store: h.store,
      clock: h.clock,
      notifier: h.notifier,
      mail: new ClientMailer({ mailer: h.mailer, clock: h.clock, state: h.store.state, alerts: h.store.alerts }),
      tickets: h.tickets,
      policies,
      sideEffects: h.errors,
      holder: 'instance-a',
      intervalMs: 60_000,
    });
    expect((await monitor.sweep()).digests).toBe(0);
    expect((await monitorFor(h).sweep()).digests).toBe(1);
  });

  it('sends the acknowledgement of a new ticket whose opening could not, once', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const original = h.mailer.send.bind(h.mailer);
    h.mailer.send = async () => {
      throw new Error('SMTP down');
    };
    const { ticket } = await h.tickets.open(SYSTEM, MAIL);
    expect(h.errors.errors.map((e) => e.what)).toEqual(['client email acknowledgement']);
    h.mailer.send = original;
    const monitor = monitorFor(h);
    expect((await monitor.sweep()).acknowledgements).toBe(0); // within the grace minute
    h.clock.advanceMinutes(2);
    expect((await monitor.sweep()).acknowledgements).toBe(1);
    expect((await monitorFor(h).sweep()).acknowledgements).toBe(0); // a restart of the same instance
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement' && m.ticketId === ticket.id)).toHaveLength(1);
  });

  it('a process that died between claim and send loses nothing: after a restart the abandoned alert goes out, once', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const { ticket } = await h.tickets.open(SYSTEM, { ...MAIL, priority: 'critical' });
    h.clock.advanceMinutes(31); // breached
    // The dead process claimed the breach alert (and superseded the at-risk one) but never sent it.
    const breachKey = `sla:${ticket.id}:response:breached`;
    await h.store.alerts.claim(breachKey, 'dead:1', h.clock.now());
    h.clock.advanceMinutes(2);
    const early = monitorFor(h);
    await early.sweep();
    expect(slaAlerts(h.notifier)).toEqual([]); // two minutes: it may still be sending
    h.clock.advanceMinutes(10);
    const restarted = monitorFor(h, 'instance-b');
    await restarted.sweep();
    await restarted.sweep();
    expect(slaAlerts(h.notifier)).toEqual([`${ticket.number}:response:breached`]);
    expect(await h.store.alerts.get(breachKey)).toMatchObject({ holder: 'instance-b', completedAt: expect.any(String) });
  });

  it("a restart within the claim's lease does not record the lost acknowledgement as sent: it goes out once the lease runs out", async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const original = h.mailer.send.bind(h.mailer);
    h.mailer.send = async () => {
      throw new Error('killed');
    };
    const { ticket } = await h.tickets.open(SYSTEM, MAIL);
    h.mailer.send = original;
    await h.store.alerts.claim(`mail:acknowledgement:${ticket.id}`, 'client-mailer', h.clock.now());
    h.clock.advanceMinutes(2);
    const restarted = monitorFor(h, 'instance-b');
    expect((await restarted.sweep()).acknowledgements).toBe(0); // claimed 2 min ago: maybe still sending
    expect((await h.store.alerts.get(`ack:${ticket.id}`))?.completedAt).toBeUndefined();
    h.clock.advanceMinutes(9);
    expect((await restarted.sweep()).acknowledgements).toBe(1);
    await restarted.sweep();
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement' && m.ticketId === ticket.id)).toHaveLength(1);
  });

  it('an acknowledgement whose once-key a dead process left claimed still reaches the client', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const original = h.mailer.send.bind(h.mailer);
    h.mailer.send = async () => {
      throw new Error('killed');
    };
    const { ticket } = await h.tickets.open(SYSTEM, MAIL);
    h.mailer.send = original;
    // As if the process died after claiming: the client mailer's once-key stays claimed, uncompleted.
    await h.store.alerts.claim(`mail:acknowledgement:${ticket.id}`, 'client-mailer', h.clock.now());
    h.clock.advanceMinutes(11);
    expect((await monitorFor(h).sweep()).acknowledgements).toBe(1);
    expect(h.mailer.sent.filter((m) => m.kind === 'acknowledgement' && m.ticketId === ticket.id)).toHaveLength(1);
  });
});
