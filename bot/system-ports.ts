import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../shared/application/ports';

/** The real clock. Tests (NODE_ENV=test) may start it at another instant: it then runs forward from there. */
export function systemClock(startAt?: Date): Clock {
  if (!startAt) return { now: () => new Date() };
  const offsetMs = startAt.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offsetMs) };
}

export const uuidIds: IdGenerator = { newId: () => randomUUID() };
