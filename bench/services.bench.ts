import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyRegistry } from '../shared/application/policy-registry';
import type { Clock, IdGenerator, Mailer, Notifier, SideEffectErrors } from '../shared/application/ports';
import { SlaMonitor, type SweepReport } from '../shared/application/sla-monitor/sla-monitor';
import { DEFAULT_POLICY } from '../shared/domain/policy';
import { applyEvent } from '../shared/domain/ticket';
import { openTicket } from '../shared/domain/ticket';
import { PRIORITIES, type Actor } from '../shared/domain/ticket';
import { openSqliteStore, type SqliteStore } from '../shared/infra/sqlite/sqlite-store';
import { ANA, seedAcme } from '../test/support/acme';
import { ticketServiceFor } from '../test/support/ticket-wiring';
import type { BenchResult } from './bench-result';

/**
 * The application services on a real SQLite file: opening tickets through TicketService (authorization,
 * domain, store transaction, acknowledgement composed and threaded, notification), and one SLA monitor
 * sweep over 50,000 open tickets (at-risk/breached per clock, budget, reminders, no-response checks).
 * Mailer and notifier are no-ops so the figures are the services' own.
 */
const OPENS = 10_000;
const SWEEP_TICKETS = 50_000;
const SWEEP_RUNS = 5;
/** Wednesday 4 March 2026, 11:00 in Mexico City. */
const NOW = Date.parse('2026-03-04T17:00:00.000Z');
const SYSTEM: Actor = { role: 'system', id: 'bench' };

const clock: Clock = { now: () => new Date(NOW) };
const nullMailer: Mailer = { send: async () => ({ messageId: '<bench@soporte.local>' }) };
const nullNotifier: Notifier = { notify: async () => ({}) };
const failOnError: SideEffectErrors = {
  report: (error) => {
    throw error;
  },
};

function counterIds(prefix: string): IdGenerator {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

/** ACME with 50 requesters, user0 to user49. */
function seedDirectory(store: SqliteStore): Promise<void> {
  return seedAcme(store, {
    client: { managerEmails: [] },
    requesters: Array.from({ length: 50 }, (_, i) => ({
      ...ANA,
      id: `r-${i}`,
      email: `user${i}@acme.example`,
      name: `User ${i}`,
    })),
  });
}

function services(store: SqliteStore) {
  return ticketServiceFor(store, clock, {
    ids: counterIds('t'),
    mailer: nullMailer,
    notifier: nullNotifier,
    sideEffects: failOnError,
  });
}

/** Wall-clock rate, and the rate per CPU second of this process (what it would reach alone on a core). */
interface Rate {
  wall: number;
  cpu: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function measureOpens(file: string): Promise<Rate> {
  const store = await openSqliteStore({ file, clock });
  try {
    await seedDirectory(store);
    const { tickets } = services(store);
    const open = (i: number) =>
      tickets.open(SYSTEM, {
        clientId: 'acme',
        requesterEmail: `user${i % 50}@acme.example`,
        subject: `Ticket ${i}`,
        description: 'Outlook stopped syncing the shared mailbox.',
        channel: 'email',
        priority: PRIORITIES[i % 4],
        sourceMessageId: `<open-${i}@acme.example>`,
      });
    for (let i = 0; i < 200; i++) await open(OPENS + i);
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < OPENS; i++) await open(i);
    return { wall: (OPENS * 1000) / (performance.now() - started), cpu: (OPENS * 1000) / cpuMs(cpu) };
  } finally {
    await store.close();
  }
}

/**
 * 50,000 open tickets of every status, opened over the last two business days, directly through the
 * store (the domain builds each record and its events): about a third already breached or at risk.
 */
async function seedOpenTickets(store: SqliteStore): Promise<void> {
  await seedDirectory(store);
  await new PolicyRegistry(store.state, store.directory).forClient((await store.directory.getClient('acme'))!);
  for (let i = 0; i < SWEEP_TICKETS; i++) {
    const openedAt = new Date(NOW - ((i * 7919) % (2 * 24 * 60)) * 60_000);
    const { ticket, event } = openTicket(
      {
        id: `s-${i}`,
        clientId: 'acme',
        requesterEmail: `user${i % 50}@acme.example`,
        subject: `Sweep ${i}`,
        description: 'bench',
        channel: 'email',
        priority: PRIORITIES[i % 4],
        locale: 'es-MX',
        at: openedAt.toISOString(),
        actor: SYSTEM,
      },
      DEFAULT_POLICY,
    );
    const events = [event];
    let record = ticket;
    const step = (type: string, data: Record<string, unknown>, minutesAfter: number) => {
      const e = {
        type,
        at: new Date(openedAt.getTime() + minutesAfter * 60_000).toISOString(),
        actor: { role: 'L1', id: 'staff' },
        channel: 'teams',
        data,
      } as (typeof events)[number];
      record = applyEvent(record, e);
      events.push(e);
    };
    if (i % 5 >= 1) step('first-response', {}, 5);
    if (i % 5 === 2) step('information-requested', { question: 'logs?', attempt: 1 }, 6);
    if (i % 5 === 3) step('escalated', { from: 'L1', to: 'L4', reason: 'product bug' }, 7);
    await store.tickets.open({ ticket: record, events, year: 2026 });
  }
}

async function measureSweep(file: string): Promise<{ first: SweepReport; steady: number[]; steadyCpu: number[] }> {
  const store = await openSqliteStore({ file, clock });
  try {
    await seedOpenTickets(store);
    const { policies, mail, tickets } = services(store);
    const monitor = new SlaMonitor({
      store,
      clock,
      notifier: nullNotifier,
      mail,
      tickets,
      policies,
      sideEffects: failOnError,
      holder: 'bench',
    });
    const first = await monitor.sweep();
    const steady: number[] = [];
    const steadyCpu: number[] = [];
    for (let i = 0; i < SWEEP_RUNS; i++) {
      const cpu = process.cpuUsage();
      steady.push((await monitor.sweep()).durationMs);
      steadyCpu.push(cpuMs(cpu));
    }
    return { first, steady, steadyCpu };
  } finally {
    await store.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'soporte-services-bench-'));
  try {
    const opens = await measureOpens(join(dir, 'open.sqlite'));
    const sweep = await measureSweep(join(dir, 'sweep.sqlite'));
    const steady = median(sweep.steady);
    const sent =
      (sweep.first.slaAlerts ?? 0) +
      (sweep.first.budgetAlerts ?? 0) +
      (sweep.first.microsoftReminders ?? 0) +
      (sweep.first.phoneReminders ?? 0) +
      (sweep.first.digests ?? 0);
    return [
      {
        name: `open ${OPENS.toLocaleString('en-US')} tickets through TicketService (SQLite, acknowledgement email included)`,
        value: Math.round(opens.wall),
        unit: 'tickets/s',
        target: '>= 2,000/s',
        pass: opens.wall >= 2000,
      },
      {
        name: '  same, per CPU second of this process (unaffected by other load)',
        value: Math.round(opens.cpu),
        unit: 'tickets/s',
      },
      {
        name: `SLA sweep over ${SWEEP_TICKETS.toLocaleString('en-US')} open tickets (median of ${SWEEP_RUNS})`,
        value: steady,
        unit: 'ms',
        target: '< 1,000 ms',
        pass: steady < 1000,
      },
      { name: '  same, CPU time of this process', value: Math.round(median(sweep.steadyCpu)), unit: 'ms' },
      {
        name: `first sweep after start (cold; sends ${sent.toLocaleString('en-US')} alerts through the ledger)`,
        value: sweep.first.durationMs,
        unit: 'ms',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
