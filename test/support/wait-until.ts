import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Checks `check` until it holds, for state only observable by asking (an HTTP health route, a file):
 * the deadline is generous (a loaded machine is slow, not wrong) and the error says what never came.
 * Prefer waiting on an event (TestChild.waitForOutput, a promise) when there is one.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 120_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
