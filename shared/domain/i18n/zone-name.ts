import { hasMessage, t } from './catalog';
import type { Locale } from '../ticket/ticket-types';

/**
 * A time zone named in words for people: `hora de la Ciudad de México` / `Mexico City time` for
 * America/Mexico_City. Zones the catalog names (`zone.<IANA id>`) read as it says; any other reads as
 * its city (`hora de New York` / `New York time`), so no IANA id ever reaches a reader.
 */
export function zoneName(zone: string, locale: Locale): string {
  const key = `zone.${zone}`;
  if (hasMessage(key)) return t(locale, key);
  const city = zone.split('/').pop()?.replace(/_/g, ' ') || zone;
  return t(locale, zone === 'UTC' || zone === 'Etc/UTC' ? 'zone.utc' : 'zone.city', { city });
}
