import { setTimeout as sleep } from 'node:timers/promises';

/** How long opening a store keeps retrying a busy database before giving up (ms). */
export const OPEN_BUSY_RETRY_MS = 30_000;

/**
 * SQLite answers SQLITE_BUSY (or a BUSY_* / LOCKED variant) at once, without its busy handler, when
 * waiting could deadlock: switching a new file to WAL while another connection does the same, or
 * upgrading a read to a write. Those calls are safe to retry as a whole.
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `attempt` until it does not fail busy, waiting a little longer each time (with jitter, so two
 * processes that collided do not collide again), for at most `budgetMs`; the last busy error is
 * rethrown after that. Other errors are thrown at once.
 */
export async function retryWhileBusy<T>(attempt: () => T, budgetMs: number = OPEN_BUSY_RETRY_MS): Promise<T> {
  let waitedMs = 0;
  for (let round = 0; ; round++) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error) || waitedMs >= budgetMs) throw error;
      const delay = Math.min(250, 5 * 2 ** round) * (0.5 + Math.random());
      await sleep(delay);
      waitedMs += delay;
    }
  }
}
