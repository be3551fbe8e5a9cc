import type { SharePointStore } from '../../../shared/infra/sharepoint';
import { CapturingMailer, ManualClock, SequentialIds, SYSTEM } from '../../application/fixture';
import { ANA_MAIL as MAIL, seedAcme } from '../../support/acme';
import { slaMonitorFor, ticketServiceFor } from '../../support/ticket-wiring';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

/** One server instance: its own Graph client and store on the shared site, its services and monitor. */
async function instance(sp: SharePointHarness, clock: ManualClock, name: string) {
  const store: SharePointStore = await sp.open();
  const mailer = new CapturingMailer();
  const wiring = ticketServiceFor(store, clock, { ids: new SequentialIds(name), mailer });
  const { tickets, notifier, errors } = wiring;
  const monitor = slaMonitorFor(store, clock, wiring, { holder: name, pageSize: 5000 });
  return { store, notifier, mailer, errors, tickets, monitor };
}

describe('two server instances on one SharePoint site (services through SharePointStore)', () => {
  let sp: SharePointHarness;
  afterEach(() => sp.graph.close());

  it('never duplicate a ticket number or an SLA alert, across a lease takeover', async () => {
    sp = await startSharePoint();
    const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
    const a = await instance(sp, clock, 'instance-a');
    const b = await instance(sp, clock, 'instance-b');
    await seedAcme(a.store);

    const opened = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? b : a).tickets.open(SYSTEM, { ...MAIL, priority: 'critical', subject: `Issue ${i}` }),
      ),
    );
    const numbers = opened.map((o) => o.ticket.number).sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `SUP-2026-${String(i + 1).padStart(4, '0')}`));

    clock.advanceMinutes(31); // past the 30-minute response target of a critical ticket
    const [ra, rb] = await Promise.all([a.monitor.sweep(), b.monitor.sweep()]);
    expect([ra.active, rb.active].sort()).toEqual([false, true]);
    const alerts = () =>
      [...a.notifier.sent, ...b.notifier.sent]
        .filter((n) => n.kind === 'sla-alert')
        .map((n) => (n.kind === 'sla-alert' ? `${n.ticket.number}:${n.clock}:${n.threshold}` : ''));
    expect(alerts().sort()).toEqual(numbers.map((n) => `${n}:response:breached`));

    // The active instance stops (no release); after the lease lapses the other takes over and re-sends nothing.
    const standby = ra.active ? b : a;
    clock.advanceMinutes(4);
    expect((await standby.monitor.sweep()).active).toBe(true);
    expect(alerts()).toHaveLength(10);
    expect([...a.errors.errors, ...b.errors.errors]).toEqual([]);
  });
});
