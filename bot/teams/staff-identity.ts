import type { Activity } from 'botbuilder';
import type { Clock, DirectoryStore } from '../../shared/application/ports';
import { StaffLanguage } from '../../shared/application/staff-language';
import { resolveLocale } from '../../shared/domain/i18n';
import type { Staff } from '../../shared/domain/requesters';
import type { BotTurn } from './bot-turn';

/**
 * Teams users are staff records by their Entra object id; unknown or inactive users get nothing. Each
 * is answered in one language: the one on their staff record, which follows their Teams client's
 * (`activity.locale`, remembered for proactive messages) unless they chose one (`language en`).
 */
export class StaffIdentity {
  readonly language: StaffLanguage;

  constructor(
    private readonly deps: {
      directory: Pick<DirectoryStore, 'findStaffByAadObjectId' | 'putStaff'>;
      clock: Clock;
      timeZone: string;
    },
  ) {
    this.language = new StaffLanguage(deps.directory);
  }

  /** The turn of a registered, active staff member, or undefined. */
  async resolve(activity: Partial<Activity>): Promise<BotTurn | undefined> {
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId) return undefined;
    const found = await this.deps.directory.findStaffByAadObjectId(aadObjectId);
    if (!found || !found.active) return undefined;
    const staff = await this.language.follow(found, activity.locale);
    return this.turnOf(staff);
  }

  /** The turn of `staff`, in their language. */
  turnOf(staff: Staff): BotTurn {
    const locale = staff.locale;
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
