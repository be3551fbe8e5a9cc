import { ClientMailer } from '../../shared/application/client-mailer';
import { inGroups } from '../../shared/application/in-groups';
import type { Notification } from '../../shared/application/ports';
import { SlaMonitor, SWEEPER_LEASE } from '../../shared/application/sla-monitor/sla-monitor';
import { CapturingNotifier, harness, SYSTEM, type Harness } from './fixture';
import { ANA_MAIL as MAIL } from '../support/acme';

describe('inGroups', () => {
  it('runs at most `size` calls at once, group after group, in item order within a group', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const done = await inGroups(
      Array.from({ length: 45 }, (_, i) => i),
      20,
      async (item) => {
        started.push(item);
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 45 - item));
        running -= 1;
      },
    );
    expect(done).toBe(true);
    expect(peak).toBe(20);
    expect(started).toEqual(Array.from({ length: 45 }, (_, i) => i));
  });

  it('lets the rest of a group finish when one call fails, then rethrows that failure', async () => {
    const finished: number[] = [];
    const run = inGroups([0, 1, 2, 3, 4], 3, async (item) => {
      if (item === 0) throw new Error('item 0 failed');
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished.push(item);
    });
    await expect(run).rejects.toThrow('item 0 failed');
    expect(finished).toEqual([1, 2]);
  });

  it('asks `between` before every group after the first and stops when it answers false', async () => {
    const seen: number[] = [];
    let asked = 0;
    const done = await inGroups(
      [0, 1, 2, 3, 4, 5, 6],
      3,
      async (item) => void seen.push(item),
      async () => ++asked < 2,
    );
    expect(done).toBe(false);
    expect(asked).toBe(2);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rejects a size that is not a positive integer', async () => {
    await expect(inGroups([1], 0, async () => undefined)).rejects.toThrow('size must be a positive integer, got 0');
  });
});

describe('SLA sweep in groups of tickets', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness('2026-03-02T14:00:00.000Z');
  });
  afterEach(() => h.close());

  function monitor(notifier: CapturingNotifier, holder = 'instance-a'): SlaMonitor {
    const mail = new ClientMailer({ mailer: h.mailer, clock: h.clock, state: h.store.state });
    return new SlaMonitor({
      store: h.store,
      clock: h.clock,
      notifier,
      mail,
      tickets: h.tickets,
      policies: h.policies,
      sideEffects: h.errors,
      holder,
      intervalMs: 60_000,
    });
  }

  it('one ticket failing does not stop the others of its group; it is reported and retried next sweep', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    const opened = [];
    for (let i = 0; i < 25; i++)
      opened.push((await h.tickets.open(SYSTEM, { ...MAIL, priority: 'critical', subject: `Issue ${i}` })).ticket);
    const failing = opened[3]!;
    let fail = true;
    const notifier = new (class extends CapturingNotifier {
      override async notify(n: Notification): Promise<{ ref?: string }> {
        if (fail && 'ticket' in n && n.ticket.id === failing.id) throw new Error('Teams is down');
        return super.notify(n);
      }
    })();
    const sla = monitor(notifier);
    h.clock.advanceMinutes(31);
    const first = await sla.sweep();
    expect(first).toMatchObject({ tickets: 25, slaAlerts: 24, errors: 1 });
    expect(h.errors.errors.map((e) => e.what)).toEqual([`checking ticket ${failing.number}`]);
    expect(await h.store.alerts.get(`sla:${failing.id}:response:breached`)).toBeUndefined(); // released

    fail = false;
    h.clock.advanceMinutes(1);
    expect(await sla.sweep()).toMatchObject({ slaAlerts: 1, errors: 0 });
    const alerted = notifier.sent.flatMap((n) => (n.kind === 'sla-alert' ? [n.ticket.number] : []));
    expect(alerted.sort()).toEqual(opened.map((t) => t.number).sort());
  });

  it('stops between groups when another instance took the lease, leaving the rest to it', async () => {
    h.clock.set('2026-03-02T16:00:00.000Z');
    for (let i = 0; i < 25; i++) await h.tickets.open(SYSTEM, { ...MAIL, priority: 'critical', subject: `Issue ${i}` });
    h.clock.advanceMinutes(31);
    // The first group's sends take so long that the lease lapses and instance B takes it.
    let takenOver = false;
    const notifier = new (class extends CapturingNotifier {
      override async notify(n: Notification): Promise<{ ref?: string }> {
        if (!takenOver) {
          takenOver = true;
          h.clock.advanceMinutes(4);
          expect(await h.store.leases.acquireLease(SWEEPER_LEASE, 'instance-b', h.clock.now(), 180_000)).toBe(true);
        }
        return super.notify(n);
      }
    })();
    const report = await monitor(notifier).sweep();
    expect(report).toMatchObject({ active: true, leaseLost: true, tickets: 20, slaAlerts: 20, errors: 0 });
    expect((await h.store.leases.currentLease(SWEEPER_LEASE))?.holder).toBe('instance-b');
  });
});
