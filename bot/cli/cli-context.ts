import { userInfo } from 'node:os';
import type { Clock, Notifier, Store } from '../../shared/application/ports';
import { NotFoundError } from '../../shared/domain/common';
import type { Actor, Locale } from '../../shared/domain/ticket';
import { LogMailer } from '../../shared/infra/log/log-mailer';
import { LogNotifier } from '../../shared/infra/log/log-notifier';
import { LogSideEffectErrors } from '../../shared/infra/log/log-side-effects';
import { parseConfig, type Config } from '../config';
import { buildMailer } from '../mail/mail-wiring';
import { openConfiguredStore } from '../store-wiring';
import { buildServices, type Services } from '../services';
import { systemClock, uuidIds } from '../system-ports';

export interface GlobalOptions {
  dataDir?: string;
  as?: string;
  lang: Locale;
}

export interface Session {
  store: Store;
  services: Services;
  actor: Actor;
  lang: Locale;
  clock: Clock;
  /** The configuration with --data-dir applied. */
  config: Config;
  notifier: Notifier;
}

const stderrSink = (line: string) => {
  process.stderr.write(`${line}\n`);
};

/**
 * Opens the store STORE selects (SQLite under DATA_DIR or --data-dir, or SharePoint) with the same services as the server.
 * Client emails go where the server sends them (MAIL_MODE: the outbox under the data dir, or the Graph mailbox), so a
 * phone ticket's acknowledgement is never lost; with MAIL_MODE=log they, and notifications, are JSON lines on stderr so
 * stdout stays the command's output.
 * The actor is the administrator running the command (a manager), or the staff member named by --as.
 */
export async function openSession(options: GlobalOptions): Promise<Session> {
  const config = parseConfig(process.env);
  const clock = systemClock(config.TEST_CLOCK_START);
  const settings = { ...config, DATA_DIR: options.dataDir ?? config.DATA_DIR };
  const { store } = await openConfiguredStore(settings, clock);
  try {
    const mailer = buildMailer(settings, clock, store) ?? new LogMailer(clock, stderrSink);
    const notifier = new LogNotifier(clock, stderrSink);
    const services = buildServices({
      store,
      clock,
      ids: uuidIds,
      mailer,
      notifier,
      sideEffects: new LogSideEffectErrors(clock, stderrSink),
    });
    return { store, services, actor: await actorFor(store, options.as), lang: options.lang, clock, config: settings, notifier };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function actorFor(store: Store, as: string | undefined): Promise<Actor> {
  if (!as) return { role: 'manager', id: `cli:${userInfo().username}`, name: 'soporte CLI' };
  const staff = as.includes('@')
    ? await store.directory.findStaffByEmail(as.trim().toLowerCase())
    : await store.directory.getStaff(as);
  if (!staff || !staff.active) throw new NotFoundError('active staff member', as);
  return { role: staff.role, id: staff.id, name: staff.name };
}
