import type { Activity } from 'botbuilder';
import type { Clock, DirectoryStore } from '../../shared/application/ports';
import { resolveLocale } from '../../shared/domain/i18n/catalog';
import type { BotTurn } from './bot-turn';

/** Teams users are staff records by their Entra object id; unknown or inactive users get nothing. */
export class StaffIdentity {
  constructor(private readonly deps: { directory: Pick<DirectoryStore, 'findStaffByAadObjectId'>; clock: Clock; timeZone: string }) {}

  /** The turn of a registered, active staff member, or undefined. */
  async resolve(activity: Partial<Activity>): Promise<BotTurn | undefined> {
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId) return undefined;
    const staff = await this.deps.directory.findStaffByAadObjectId(aadObjectId);
    if (!staff || !staff.active) return undefined;
    const locale = activity.locale ? resolveLocale(activity.locale) : staff.locale;
    return {
      staff,
      actor: { role: staff.role, id: staff.id, name: staff.name },
      locale,
      format: { locale, timeZone: this.deps.timeZone },
      now: this.deps.clock.now(),
    };
  }

  /** The language to answer an unregistered user in. */
  static localeOf(activity: Partial<Activity>): ReturnType<typeof resolveLocale> {
    return resolveLocale(activity.locale);
  }
}
