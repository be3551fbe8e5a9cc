import { hostname } from 'node:os';

/**
 * The mail intake lease's holder name: the instance id, with this host and pid when the id does not
 * already say them (INSTANCE_ID defaults to `host:pid`), so a successor can tell the holder died.
 */
export function leaseHolderName(instanceId: string, host = hostname(), pid = process.pid): string {
  const self = `${host}:${pid}`;
  return instanceId === self || instanceId.endsWith(`@${self}`) ? instanceId : `${instanceId}@${self}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lease holder is known dead: it ran on this host (its name ends in `host:pid`) and that
 * process is gone. A holder on another host, or named otherwise, is never assumed dead (its lease expires).
 */
export function holderKnownDead(holder: string, host = hostname(), alive: (pid: number) => boolean = pidAlive): boolean {
  const match = /(?:^|@)([^@]+):(\d+)$/.exec(holder);
  if (!match || match[1] !== host) return false;
  const pid = Number(match[2]);
  return pid !== process.pid && !alive(pid);
}
