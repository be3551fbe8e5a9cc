import { NotAuthorizedError, ValidationError } from '../../domain/common';
import type { Actor } from '../../domain/ticket';
import type { MailIntakeService } from './mail-intake-service';
import type { MailOutcome, PendingMail } from '../ports';
import type { Clock, DirectoryStore } from '../ports';
import { checkSender } from './sender-check';

/** A message intake quarantined, with what it did and why (its `.reason.json`). */
export interface QuarantinedMail {
  /** The adapter's handle: the file name in the quarantine folder. */
  id: string;
  settledAt?: string;
  from?: string;
  subject?: string;
  messageId?: string;
  action: string;
  reason: string;
}

/** Where quarantined messages wait (the maildrop's quarantine folder): listed, read again, filed once released. */
export interface MailQuarantine {
  listQuarantined(): Promise<QuarantinedMail[]>;
  /** The quarantined message parsed again, with its record; NotFoundError for an id that is not waiting. */
  readQuarantined(id: string): Promise<{ entry: QuarantinedMail; item: PendingMail; quarantineRef: string }>;
  /** Files a released message: out of quarantine when processed now, its record updated when quarantined again. */
  settleReleased(
    item: PendingMail,
    outcome: MailOutcome,
    release: { by: string; at: string; previous: QuarantinedMail },
  ): Promise<void>;
}

/**
 * `soporte mail release <id>`: intake handles a quarantined message again, once whatever stopped it is
 * fixed (typically: its sender has since been authorized). A sender still unauthorized is refused here,
 * before intake would send them a second polite reply and tell the managers again. A message quarantined
 * for its sender counts as received at its release: its clocks cannot start before someone may ask.
 */
export class MailReleaseService {
  constructor(
    private readonly deps: {
      quarantine: MailQuarantine;
      intake: Pick<MailIntakeService, 'handleReleased'>;
      directory: DirectoryStore;
      clock: Clock;
    },
  ) {}

  list(): Promise<QuarantinedMail[]> {
    return this.deps.quarantine.listQuarantined();
  }

  async release(actor: Actor, id: string): Promise<MailOutcome> {
    if (actor.role === 'requester' || actor.role === 'system')
      throw new NotAuthorizedError(actor.role, 'release quarantined mail');
    const { entry, item, quarantineRef } = await this.deps.quarantine.readQuarantined(id);
    if (!item.mail)
      throw new ValidationError('id', `${id} cannot be read (${item.unreadable ?? 'unknown reason'}): it stays in quarantine`);
    const now = this.deps.clock.now();
    let mail = item.mail;
    if (entry.action === 'unauthorized') {
      const sender = await checkSender(this.deps.directory, mail.from.address, now);
      if (!sender.authorized) {
        const hint = sender.client
          ? ` of ${sender.client.name}: authorize them first (soporte requesters add --client ${sender.client.id} --email ${mail.from.address} ...)`
          : ': authorize them first (soporte requesters add ...)';
        throw new ValidationError('sender', `${mail.from.address} is still not an authorized requester${hint}`);
      }
      mail = { ...mail, date: now.toISOString() };
    }
    const outcome = await this.deps.intake.handleReleased(mail, { quarantineRef });
    await this.deps.quarantine.settleReleased(item, outcome, { by: actor.id, at: now.toISOString(), previous: entry });
    return outcome;
  }
}
