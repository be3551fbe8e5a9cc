import { userInfo } from 'node:os';
import type { Store } from '../../shared/application/ports';
import { NotFoundError } from '../../shared/domain/errors';
import type { Actor, Locale } from '../../shared/domain/ticket/ticket-types';
import { LogMailer } from '../../shared/infra/log/log-mailer';
import { LogNotifier } from '../../shared/infra/log/log-notifier';
import { LogSideEffectErrors } from '../../shared/infra/log/log-side-effects';
import { parseConfig } from '../config';
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
}

const stderrSink = (line: string) => {
  process.stderr.write(`${line}\n`);
};

/**
 * Opens the store STORE selects (SQLite under DATA_DIR or --data-dir, or SharePoint) with the same services as the server. Side effects
 * (client emails, notifications) go to stderr as JSON lines so stdout stays the command's output.
 * The actor is the administrator running the command (a manager), or the staff member named by --as.
 */
export async function openSession(options: GlobalOptions): Promise<Session> {
  const config = parseConfig(process.env);
  const clock = systemClock(config.TEST_CLOCK_START);
  const { store } = await openConfiguredStore({ ...config, DATA_DIR: options.dataDir ?? config.DATA_DIR }, clock);
  try {
    const services = buildServices({ store, clock, ids: uuidIds, mailer: new LogMailer(clock, stderrSink), notifier: new LogNotifier(clock, stderrSink), sideEffects: new LogSideEffectErrors(clock, stderrSink) });
    return { store, services, actor: await actorFor(store, options.as), lang: options.lang };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function actorFor(store: Store, as: string | undefined): Promise<Actor> {
  if (!as) return { role: 'manager', id: `cli:${userInfo().username}`, name: 'soporte CLI' };
  const staff = as.includes('@') ? await store.directory.findStaffByEmail(as.trim().toLowerCase()) : await store.directory.getStaff(as);
  if (!staff || !staff.active) throw new NotFoundError('active staff member', as);
  return { role: staff.role, id: staff.id, name: staff.name };
}
