import { claimOnce, STALE_CLAIM_MS } from '../claim-once';
import type { AlertLedger, Clock } from '../ports';

/**
 * Exactly-once sending over the ledger: claim the key, send, complete with where it landed. A failed
 * send gives the claim back so a later sweep retries; the error is rethrown to the caller. Keys this
 * process already saw claimed are remembered and skipped without a store round trip.
 */
export class SendOnce {
  private readonly known = new Set<string>();

  constructor(
    private readonly ledger: AlertLedger,
    private readonly clock: Clock,
    private readonly holder: string,
  ) {}

  /**
   * Loads the keys already claimed under `prefixes` (at start-up), so a restart skips them cheaply. A
   * claim a dead process abandoned (uncompleted, older than STALE_CLAIM_MS) is left out: the sweep
   * takes it over and sends that alert after all.
   */
  async warm(prefixes: string[]): Promise<void> {
    const staleBefore = this.clock.now().getTime() - STALE_CLAIM_MS;
    for (const prefix of prefixes) {
      for (const record of await this.ledger.list(prefix)) {
        if (record.completedAt === undefined && Date.parse(record.claimedAt) < staleBefore) continue;
        this.known.add(record.key);
      }
    }
  }

  has(key: string): boolean {
    return this.known.has(key);
  }

  /** Marks `key` done without sending (a superseded alert). Returns whether this call claimed it. */
  async skip(key: string, reason: string): Promise<boolean> {
    if (this.known.has(key)) return false;
    this.known.add(key);
    if (!(await this.ledger.claim(key, this.holder, this.clock.now()))) return false;
    await this.ledger.complete(key, this.clock.now(), `skipped:${reason}`);
    return true;
  }

  /** Sends once: `true` when this call sent it, `false` when it was (being) sent already. */
  async send(key: string, send: () => Promise<string | undefined>): Promise<boolean> {
    if (this.known.has(key)) return false;
    if (!(await claimOnce(this.ledger, key, this.holder, this.clock.now()))) {
      this.known.add(key);
      return false;
    }
    let ref: string | undefined;
    try {
      ref = await send();
    } catch (error) {
      await this.ledger.release(key);
      throw error;
    }
    this.known.add(key);
    await this.ledger.complete(key, this.clock.now(), ref);
    return true;
  }
}
