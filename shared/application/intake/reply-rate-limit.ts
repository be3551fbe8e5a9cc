import type { StateStore } from '../ports';

/**
 * At most `max` automatic replies to one address per `windowMinutes` (kept in the StateStore under
 * `mail-rate:<address>`), so two robots can never answer each other forever.
 */
export class ReplyRateLimit {
  constructor(
    private readonly state: StateStore,
    private readonly max = 3,
    private readonly windowMinutes = 24 * 60,
  ) {}

  /** Counts one reply to `address` at `now` and says whether it may go out. */
  async allow(address: string, now: Date): Promise<boolean> {
    const key = `mail-rate:${address.toLowerCase()}`;
    const current = await this.state.getState<{ windowStart: string; count: number }>(key);
    const windowOpen = current && now.getTime() - Date.parse(current.windowStart) < this.windowMinutes * 60_000;
    const next = windowOpen
      ? { windowStart: current.windowStart, count: current.count + 1 }
      : { windowStart: now.toISOString(), count: 1 };
    await this.state.setState(key, next);
    return next.count <= this.max;
  }
}
