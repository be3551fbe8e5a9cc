import { takeLease, type LeaseRecord } from '../ports';
import { SendOnce } from './send-once';
import { Sweep, type SweepCounts, type SweepPorts } from './sweep';
import { definedOnly } from '../../domain/index';

/** The lease that makes one server instance the active sweeper. */
export const SWEEPER_LEASE = 'sla-monitor';

/** Ledger key families the monitor writes (loaded at start so a restart skips what was sent). */
const KEY_FAMILIES = ['ack:', 'sla:', 'budget:', 'phone-reminder:', 'ms-reminder:', 'contact-due:', 'digest:'];

export interface SlaMonitorDeps extends SweepPorts {
  /** This instance's name in the lease and the ledger (host:pid). */
  holder: string;
  /** Time between the end of one sweep and the start of the next (default 60 s). */
  intervalMs?: number;
  /** Lease length; another instance takes over when it lapses (default 3 intervals). */
  leaseTtlMs?: number;
  pageSize?: number;
  digestLimit?: number;
  /** Monthly statements: drafted after a sweep on the first business day, once per client and month (StatementService). */
  statements?: { draftDue(): Promise<string[]> };
}

export interface SweepReport extends Partial<SweepCounts> {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** false when another instance holds the lease (this one skipped the sweep). */
  active: boolean;
  /** true when another instance took the lease during the sweep (the rest of the pass was left to it). */
  leaseLost?: boolean;
  leaseHolder?: string;
  /** Statements this sweep drafted (first business day of a month). */
  statementsDrafted?: string[];
}

export interface MonitorStatus {
  running: boolean;
  holder: string;
  intervalMs: number;
  lastSweep?: SweepReport;
  lease?: LeaseRecord;
}

/**
 * The SLA monitor: every interval, if this instance holds (or takes) the sweeper lease, one Sweep over
 * the open tickets. Alerts go through the ledger (exactly once per key, across restarts and instances).
 * Sweeps never overlap: the next is scheduled when the previous ends.
 */
export class SlaMonitor {
  private readonly once: SendOnce;
  private readonly intervalMs: number;
  private readonly leaseTtlMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private current: Promise<SweepReport> | undefined;
  private warmed = false;
  private last: SweepReport | undefined;

  constructor(private readonly deps: SlaMonitorDeps) {
    this.intervalMs = deps.intervalMs ?? 60_000;
    this.leaseTtlMs = deps.leaseTtlMs ?? 3 * this.intervalMs;
    this.once = new SendOnce(deps.store.alerts, deps.clock, deps.holder);
  }

  /** Sweeps now, then every interval, until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops scheduling, waits for a running sweep, gives the lease back. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.current) await this.current;
    await this.deps.store.leases.releaseLease(SWEEPER_LEASE, this.deps.holder);
  }

  /** One sweep (used by the schedule, tests and benchmarks); concurrent calls share the running one. */
  sweep(): Promise<SweepReport> {
    this.current ??= this.sweepOnce().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  async status(): Promise<MonitorStatus> {
    const status: MonitorStatus = { running: this.running, holder: this.deps.holder, intervalMs: this.intervalMs };
    if (this.last) status.lastSweep = this.last;
    const lease = await this.deps.store.leases.currentLease(SWEEPER_LEASE);
    if (lease) status.lease = lease;
    return status;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.sweep()
        .catch((error: unknown) => this.deps.sideEffects.report(error, { action: 'sla-sweep', what: 'sweep' }))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref?.();
  }

  /**
   * The lease check between groups of tickets: free while the lease taken at `acquiredAt` has more than
   * half its length to run; past that, one renewal (false when another instance took it meanwhile).
   */
  private leaseKeeper(acquiredAt: Date): () => Promise<boolean> {
    let renewedAt = acquiredAt.getTime();
    return async () => {
      const now = this.deps.clock.now();
      if (now.getTime() - renewedAt < this.leaseTtlMs / 2) return true;
      renewedAt = now.getTime();
      return takeLease(this.deps.store.leases, SWEEPER_LEASE, this.deps.holder, now, this.leaseTtlMs);
    };
  }

  private async sweepOnce(): Promise<SweepReport> {
    const { store, clock, holder } = this.deps;
    const started = clock.now();
    const startedMs = performance.now();
    const active = await takeLease(store.leases, SWEEPER_LEASE, holder, started, this.leaseTtlMs);
    let report: SweepReport;
    if (!active) {
      const lease = await store.leases.currentLease(SWEEPER_LEASE);
      report = {
        startedAt: started.toISOString(),
        finishedAt: clock.now().toISOString(),
        durationMs: 0,
        active: false,
        ...definedOnly({ leaseHolder: lease?.holder }),
      };
    } else {
      if (!this.warmed) {
        await this.once.warm(KEY_FAMILIES);
        this.warmed = true;
      }
      const sweep = new Sweep({
        store,
        clock,
        notifier: this.deps.notifier,
        mail: this.deps.mail,
        tickets: this.deps.tickets,
        policies: this.deps.policies,
        sideEffects: this.deps.sideEffects,
        once: this.once,
        pageSize: this.deps.pageSize ?? 2000,
        digestLimit: this.deps.digestLimit ?? 200,
        holdsLease: this.leaseKeeper(started),
      });
      const counts = await sweep.run();
      report = {
        startedAt: started.toISOString(),
        finishedAt: clock.now().toISOString(),
        durationMs: Math.round(performance.now() - startedMs),
        active: true,
        leaseHolder: holder,
        ...counts,
      };
      if (sweep.stoppedForLease) report.leaseLost = true;
      else if (this.deps.statements) {
        try {
          const drafted = await this.deps.statements.draftDue();
          if (drafted.length > 0) report.statementsDrafted = drafted;
        } catch (error) {
          this.deps.sideEffects.report(error, { action: 'statements', what: 'drafting the monthly statements' });
        }
      }
    }
    this.last = report;
    return report;
  }
}
