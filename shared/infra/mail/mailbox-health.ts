import type { Clock, MailboxProblem, Notifier, StateStore } from '../../application/ports';
import { GraphServiceError, GraphUnreachableError } from '../graph/graph-errors';

/** How one mailbox reads: for /healthz and for telling managers once per failure episode. */
export interface MailboxHealth {
  mailbox: string;
  state: 'ok' | Exclude<MailboxProblem, 'resynced'>;
  /** When the current state began. */
  since: string;
  /** The last complete delta round (this process). */
  lastSuccessAt?: string;
  /** Why it fails (Graph's status and code). */
  detail?: string;
  /** When its delta token last expired and the Inbox was read again from the start. */
  lastResyncAt?: string;
}

/** A refusal that concerns one mailbox (out of scope, gone) or Graph being unavailable: that mailbox waits, the others go on. */
function mailboxProblem(error: unknown): { problem: Exclude<MailboxProblem, 'resynced'>; detail: string } | undefined {
  if (error instanceof GraphServiceError) {
    const detail = `${error.status} ${error.code}${error.requestId ? ` (request-id ${error.requestId})` : ''}`;
    if (error.status === 403) return { problem: 'denied', detail };
    if (error.status === 404 && /InvalidUser|MailboxNotEnabled|ResourceNotFound/i.test(error.code))
      return { problem: 'missing', detail };
    return { problem: 'failing', detail };
  }
  if (error instanceof GraphUnreachableError) return { problem: 'failing', detail: error.message };
  return undefined;
}

function healthKey(mailbox: string): string {
  return `graph-mailbox-health:${mailbox.toLowerCase()}`;
}

/**
 * Each mailbox's reading state. A failure episode (denied, missing, failing) is written to the store
 * when it starts and ends, so the managers hear of it once, also across restarts; the last successful
 * read is this process's (kept in memory: no store write per pass).
 */
export class MailboxHealthBook {
  private readonly byMailbox = new Map<string, MailboxHealth>();

  constructor(private readonly deps: { state: StateStore; clock: Clock; notifier?: Notifier }) {}

  async of(mailbox: string): Promise<MailboxHealth> {
    const key = mailbox.toLowerCase();
    let health = this.byMailbox.get(key);
    if (!health) {
      const saved = await this.deps.state.getState<MailboxHealth>(healthKey(mailbox));
      health = saved ? { ...saved, mailbox } : { mailbox, state: 'ok', since: this.deps.clock.now().toISOString() };
      delete health.lastSuccessAt;
      this.byMailbox.set(key, health);
    }
    return health;
  }

  async readOk(mailbox: string): Promise<void> {
    const health = await this.of(mailbox);
    const now = this.deps.clock.now().toISOString();
    if (health.state !== 'ok') {
      Object.assign(health, { state: 'ok', since: now });
      delete health.detail;
      await this.deps.state.setState(healthKey(mailbox), { ...health, lastSuccessAt: now });
    }
    health.lastSuccessAt = now;
  }

  /** Records a failed read; the managers hear of it when it starts an episode. False: not a mailbox problem (rethrow). */
  async readFailed(mailbox: string, error: unknown): Promise<boolean> {
    const found = mailboxProblem(error);
    if (!found) return false;
    const health = await this.of(mailbox);
    if (health.state === found.problem) return true;
    Object.assign(health, { state: found.problem, since: this.deps.clock.now().toISOString(), detail: found.detail });
    await this.deps.state.setState(healthKey(mailbox), health);
    await this.deps.notifier?.notify({ kind: 'mailbox-alert', mailbox, problem: found.problem, detail: found.detail });
    return true;
  }

  /** Its delta token expired and the Inbox was read again: the managers are told. */
  async resynced(mailbox: string, error: GraphServiceError): Promise<void> {
    const health = await this.of(mailbox);
    health.lastResyncAt = this.deps.clock.now().toISOString();
    await this.deps.state.setState(healthKey(mailbox), health);
    await this.deps.notifier?.notify({
      kind: 'mailbox-alert',
      mailbox,
      problem: 'resynced',
      detail: `${error.status} ${error.code}`,
    });
  }
}
