import { DomainError } from '../../domain/common';
import type { Clock, LeaseStore, Mailbox, MailOutcome, PendingMail, StateEntry } from '../ports';
import type { IntakeContext, MailIntakeService } from './mail-intake-service';

export interface PollReport {
  processed: number;
  quarantined: number;
  /** Messages left in place after an unexpected error (retried next poll). */
  retried: number;
  outcomes: Array<{ id: string } & MailOutcome>;
}

export interface MailPollerOptions {
  /** After this many unexpected failures a message is quarantined instead of retried. */
  maxAttempts?: number;
  /** Where unexpected errors go (main.ts logs them). */
  onError?: (error: unknown, item: PendingMail) => void;
  /**
   * With several server instances, only the holder of this lease reads the mailbox (the others skip
   * their pass), so two instances never take the same message.
   */
  lease?: {
    leases: LeaseStore;
    clock: Clock;
    name: string;
    holder: string;
    ttlMs: number;
    /** Whether the current holder is known dead (same host, process gone): its lease is taken over at once. */
    holderGone?: (holder: string) => boolean;
  };
}

/**
 * One pass over a mailbox: each pending message goes through intake and is settled (processed or
 * quarantined, with the reason). The mail intake's error boundary: a DomainError (a rule refused the
 * message) quarantines it with that reason; an unreadable message is quarantined; any other error
 * leaves it in place to retry, up to `maxAttempts` polls, then quarantines it.
 */
export class MailPoller {
  private readonly failures = new Map<string, number>();
  private running: Promise<PollReport> | undefined;

  constructor(
    private readonly mailbox: Mailbox,
    private readonly intake: Pick<MailIntakeService, 'handle'>,
    private readonly options: MailPollerOptions = {},
  ) {}

  /** Runs one pass; a call while a pass is running waits for it instead of starting another. */
  pollOnce(limit?: number): Promise<PollReport> {
    this.running ??= this.pass(limit).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when no pass is running (for a clean shutdown). */
  async idle(): Promise<void> {
    // The pass's own caller receives its error; waiting here only needs it to be over.
    await this.running?.then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Takes or renews the lease; a holder known dead (a crashed process on this host) does not keep the
   * mailbox waiting for its lease to expire: its lease is released and taken (atomically: one taker wins).
   */
  private async holdLease(lease: NonNullable<MailPollerOptions['lease']>): Promise<boolean> {
    if (await lease.leases.acquireLease(lease.name, lease.holder, lease.clock.now(), lease.ttlMs)) return true;
    const current = await lease.leases.currentLease(lease.name);
    if (!current || !lease.holderGone?.(current.holder)) return false;
    await lease.leases.releaseLease(lease.name, current.holder);
    return lease.leases.acquireLease(lease.name, lease.holder, lease.clock.now(), lease.ttlMs);
  }

  private async pass(limit?: number): Promise<PollReport> {
    const report: PollReport = { processed: 0, quarantined: 0, retried: 0, outcomes: [] };
    const lease = this.options.lease;
    let heldThroughout = false;
    if (lease) {
      // Renewed from this instance's own last write: nobody polled meanwhile. The mailbox's reads that
      // change nothing go with the renewal (one round trip where the store batches).
      const renewing = lease.leases.renewHeld?.(lease.name, lease.holder, lease.clock.now(), lease.ttlMs);
      if (renewing) this.mailbox.prefetch?.();
      heldThroughout = (await renewing) ?? false;
      if (!heldThroughout && !(await this.holdLease(lease))) return report;
    }
    // Filing one message away overlaps with the intake of the next; intake itself stays one at a time.
    let settling: Promise<void> = Promise.resolve();
    for (const item of await this.mailbox.pending(limit, { heldThroughout })) {
      // Intake files the message away itself, with its own record, when the mailbox can do both in one commit.
      let settledByIntake = false;
      const settleWithState = this.mailbox.settleWithState?.bind(this.mailbox);
      const before = settling;
      const withState = settleWithState
        ? async (outcome: MailOutcome, writes: readonly StateEntry[]) => {
            await before;
            await settleWithState(item, outcome, writes);
            settledByIntake = true;
          }
        : undefined;
      const outcome = await this.outcomeOf(item, withState);
      if (!outcome) {
        report.retried += 1;
        continue;
      }
      await settling;
      if (!settledByIntake) settling = this.mailbox.settle(item, outcome);
      this.failures.delete(item.id);
      report[outcome.disposition === 'processed' ? 'processed' : 'quarantined'] += 1;
      report.outcomes.push({ id: item.id, ...outcome });
    }
    await settling;
    return report;
  }

  private async outcomeOf(
    item: PendingMail,
    settleWithState?: IntakeContext['settleWithState'],
  ): Promise<MailOutcome | undefined> {
    if (!item.mail)
      return {
        disposition: 'quarantined',
        action: 'unreadable',
        reason: `the message cannot be read: ${item.unreadable ?? 'unknown reason'}`,
      };
    try {
      return await this.intake.handle(item.mail, { quarantineRef: this.mailbox.quarantineRef(item), settleWithState });
    } catch (error) {
      if (error instanceof DomainError)
        return { disposition: 'quarantined', action: `refused-${error.code}`, reason: `${error.name}: ${error.message}` };
      this.options.onError?.(error, item);
      const attempts = (this.failures.get(item.id) ?? 0) + 1;
      this.failures.set(item.id, attempts);
      if (attempts < (this.options.maxAttempts ?? 3)) return undefined;
      return {
        disposition: 'quarantined',
        action: 'intake-error',
        reason: `failed ${attempts} times: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
}
