import { claimOnce } from '../claim-once';
import type { AlertLedger, Clock } from '../ports';

/** What a send answers when it could not tell yet whether its message went out: retried by a later sweep. */
export const NOT_YET = Symbol('not-yet');

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
   * Loads the keys already completed under `prefixes` (at start-up), so a restart skips them cheaply. A
   * claim not completed is left out: once older than STALE_CLAIM_MS (its process died mid-send) the sweep
   * takes it over and sends that alert after all.
   */
  async warm(prefixes: string[]): Promise<void> {
    for (const prefix of prefixes) {
      for (const record of await this.ledger.list(prefix)) {
        if (record.completedAt !== undefined) this.known.add(record.key);
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

  /**
   * Sends once: `true` when this call sent it, `false` when it was (being) sent already. A send that
   * answers NOT_YET gives the claim back (nothing is recorded as done) so a later sweep asks again.
   */
  async send(key: string, send: () => Promise<string | undefined | typeof NOT_YET>): Promise<boolean> {
    if (this.known.has(key)) return false;
    if (!(await claimOnce(this.ledger, key, this.holder, this.clock.now()))) {
      // Done: never asked again. Claimed but not done: asked again next sweep (taken over once stale).
      if ((await this.ledger.get(key))?.completedAt !== undefined) this.known.add(key);
      return false;
    }
    let ref: string | undefined | typeof NOT_YET;
    try {
      ref = await send();
    } catch (error) {
      await this.ledger.release(key);
      throw error;
    }
    if (ref === NOT_YET) {
      await this.ledger.release(key);
      return false;
    }
    this.known.add(key);
    await this.ledger.complete(key, this.clock.now(), ref);
    return true;
  }
}
