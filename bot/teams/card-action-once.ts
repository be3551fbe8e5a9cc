import { claimOnce } from '../../shared/application/claim-once';
import type { AlertLedger, Clock } from '../../shared/application/ports';

/**
 * At most one run per card action: a double click, or Teams retrying the same Action.Execute, carries
 * the same verb, ticket and version, so the ledger key `card:<verb>:<ticket>:<version>` is claimed once.
 * The repeat neither bills nor emails: it gets the card as it is now. A failed run gives its claim back.
 */
export class CardActionOnce {
  constructor(private readonly deps: { alerts: AlertLedger; clock: Clock }) {}

  key(verb: string, ticketId: string, version: string): string {
    return `card:${verb}:${ticketId}:${version}`;
  }

  /** true: this call runs the action; false: the same action on the same version was (being) run already. */
  claim(key: string, holder: string): Promise<boolean> {
    return claimOnce(this.deps.alerts, key, holder, this.deps.clock.now());
  }

  complete(key: string, ref: string): Promise<void> {
    return this.deps.alerts.complete(key, this.deps.clock.now(), ref);
  }

  release(key: string): Promise<void> {
    return this.deps.alerts.release(key);
  }
}
