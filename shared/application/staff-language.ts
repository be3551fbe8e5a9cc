import { resolveLocale } from '../domain/i18n';
import type { Staff } from '../domain/requesters';
import type { Locale } from '../domain/ticket';
import type { DirectoryStore } from './ports';

/**
 * One language per staff member, kept on their staff record so proactive messages (alerts,
 * assignments, client replies) use it too: the language they chose (`language en` / `idioma es`),
 * else the language of their Teams client, remembered from their last activity.
 */
export class StaffLanguage {
  constructor(private readonly directory: Pick<DirectoryStore, 'putStaff'>) {}

  /** The language to talk to `staff` in, given their Teams client's (`activity.locale`); remembers a change. */
  async follow(staff: Staff, clientTag: string | undefined): Promise<Staff> {
    if (staff.localeChosen || !clientTag) return staff;
    const locale = resolveLocale(clientTag);
    if (locale === staff.locale) return staff;
    const updated: Staff = { ...staff, locale };
    await this.directory.putStaff(updated);
    return updated;
  }

  /** The staff member's explicit choice (kept until they choose again), or `auto` to follow their Teams client again. */
  async choose(staff: Staff, choice: Locale | 'auto'): Promise<Staff> {
    const updated: Staff =
      choice === 'auto' ? { ...staff, localeChosen: false } : { ...staff, locale: choice, localeChosen: true };
    await this.directory.putStaff(updated);
    return updated;
  }
}
