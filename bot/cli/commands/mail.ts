import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { MailIntakeService } from '../../../shared/application/intake/mail-intake-service';
import { MailReleaseService } from '../../../shared/application/intake/mail-quarantine';
import { ValidationError } from '../../../shared/domain/common';
import { t } from '../../../shared/domain/i18n';
import { FileAttachmentStore } from '../../../shared/infra/mail/attachment-store';
import { MaildropMailbox } from '../../../shared/infra/mail/maildrop-mailbox';
import { uuidIds } from '../../system-ports';
import type { Session } from '../cli-context';
import { leaf, run } from '../command-kit';
import { print, printJson, table, when } from '../output';

/** The maildrop's quarantine and an intake like the server's (mail it causes goes where the server's goes). */
function maildrop(session: Session): { mailbox: MaildropMailbox; release: MailReleaseService } {
  const { config, store, services, clock, notifier } = session;
  if (config.MAIL_MODE !== 'maildrop')
    throw new ValidationError(
      'MAIL_MODE',
      `the mail commands work on the maildrop (MAIL_MODE=maildrop), not ${config.MAIL_MODE}`,
    );
  const attachments = new FileAttachmentStore(
    path.join(config.DATA_DIR, 'mail', 'attachments'),
    config.MAIL_ATTACHMENT_MAX_BYTES,
  );
  const mailbox = new MaildropMailbox({ dataDir: config.DATA_DIR, attachments, clock });
  const intake = new MailIntakeService({
    tickets: services.tickets,
    store,
    clientMailer: services.clientMail,
    notifier,
    clock,
    ids: uuidIds,
    ownAddresses: [config.MAIL_SUPPORT_ADDRESS],
  });
  return { mailbox, release: new MailReleaseService({ quarantine: mailbox, intake, directory: store.directory, clock }) };
}

export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('the maildrop: messages waiting to be read, and those intake quarantined');

  run(
    leaf(mail, 'list', 'messages waiting in the maildrop; with --quarantine, those quarantined and why').option(
      '--quarantine',
      'list the quarantined messages with what intake did and why',
    ),
    async (session, o) => {
      const { mailbox, release } = maildrop(session);
      const { lang } = session;
      if (o.quarantine) {
        const waiting = await release.list();
        if (o.json) return printJson(waiting);
        return print(
          table(
            lang,
            ['cli.col.id', 'cli.col.at', 'cli.col.sender', 'cli.col.subject', 'cli.col.why'],
            waiting.map((m) => [m.id, when(m.settledAt, lang), m.from, m.subject, `${m.action}: ${m.reason}`]),
          ),
        );
      }
      await mailbox.ensureFolders();
      const names = (await readdir(mailbox.dropDir)).filter((n) => n.toLowerCase().endsWith('.eml') && !n.startsWith('.')).sort();
      const files = await Promise.all(
        names.map(async (name) => ({ id: name, droppedAt: (await stat(path.join(mailbox.dropDir, name))).mtime.toISOString() })),
      );
      if (o.json) return printJson(files);
      print(
        table(
          lang,
          ['cli.col.id', 'cli.col.at'],
          files.map((f) => [f.id, when(f.droppedAt, lang)]),
        ),
      );
    },
  );

  run(
    leaf(
      mail,
      'release <id>',
      'hand a quarantined message to intake again, once its sender is authorized (the id `mail list --quarantine` shows)',
    ),
    async (session, o, id) => {
      const outcome = await maildrop(session).release.release(session.actor, id);
      if (o.json) return printJson(outcome);
      const key = outcome.disposition === 'processed' ? 'cli.mail.released' : 'cli.mail.still-quarantined';
      print(
        t(session.lang, key, {
          id,
          what: outcome.ticketNumber ? `${outcome.action} ${outcome.ticketNumber}` : outcome.action,
          reason: outcome.reason,
        }),
      );
    },
  );
}
