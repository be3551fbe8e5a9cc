import type { AlertLedger } from './ports';

/**
 * How long a claim may stay uncompleted before it counts as abandoned: its process died between the
 * claim and the completion (a send never takes this long; Graph's Retry-After waits are shorter).
 */
export const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Claims `key`, or takes over a claim abandoned by a process that died mid-send, so the message still
 * goes out (exactly once, except when that process died in the instant after sending and before
 * completing). `false`: sent already, or being sent by a live process right now.
 */
export async function claimOnce(ledger: AlertLedger, key: string, holder: string, at: Date): Promise<boolean> {
  if (await ledger.claim(key, holder, at)) return true;
  return ledger.takeOverStale(key, holder, at, new Date(at.getTime() - STALE_CLAIM_MS));
}
