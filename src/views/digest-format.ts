import { DateTime } from 'luxon';
import { offsetAt } from '../period/calendar.js';
import { WEEKDAY_NAMES } from '../period/index.js';

/** Locales whose short zone names differ: en-US knows EST, en-GB EET and CET, en-AU LHDT, en-IN IST. */
const ZONE_NAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;

function shortZoneName(zone: string, at: number, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/** Building Intl formatters costs about a quarter of a millisecond each; a zone's names change only with its offset. */
const knownNames = new Map<string, string>();

/** "EET", "EST", "LHDT", "IST" where some English locale has a name; else "GMT+9". At `at`, so DST shows. */
export function zoneAbbreviation(zone: string, at: number): string {
  const key = `${zone} ${offsetAt(at, zone)}`;
  let name = knownNames.get(key);
  if (name === undefined) {
    const names = ZONE_NAME_LOCALES.map((locale) => shortZoneName(zone, at, locale));
    name = names.find((n) => !/^(GMT|UTC)[+−-]/.test(n)) ?? names[0] ?? zone;
    if (knownNames.size < 2000) knownNames.set(key, name);
  }
  return name;
}

/** "Mondays at 09:00 EET", the zone's name as it is at `at`. */
export function slotPhrase(slot: { day: number; time: string }, zone: string, at: number): string {
  const day = WEEKDAY_NAMES[slot.day] ?? 'monday';
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}s at ${slot.time} ${zoneAbbreviation(zone, at)}`;
}

/** "Mon 7 Dec, 09:00" in the zone. */
export function localDateTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL, HH:mm');
}

/** Slack's link into the app's Home tab. */
export function appHomeLink(teamId: string, appId: string): string {
  return `slack://app?team=${encodeURIComponent(teamId)}&id=${encodeURIComponent(appId)}&tab=home`;
}
