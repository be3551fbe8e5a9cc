/**
 * POLICY: after-hours attention is requested in advance. A window that has already begun when the request
 * arrives (`start` not after `now`) cannot be requested: the CLI and the API refuse it, mail intake answers
 * it politely with a refusal.
 */
export function isRequestedInAdvance(start: string, now: Date): boolean {
  return Date.parse(start) > now.getTime();
}
