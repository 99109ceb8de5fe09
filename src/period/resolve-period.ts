import { LRUCache } from 'lru-cache';
import { type Calendar, floorTo, isValidZone, offsetAt, type Weekday } from './calendar.js';
import { makePeriod } from './make-period.js';
import { memo } from './memos.js';
import { type Period, PeriodError, type ResolveSettings } from './period-types.js';
import { readPhrase } from './phrase/read-phrase.js';
import { type Placed, placeRange, placeSpec } from './place-spec.js';

/** Longer input is not a period phrase; refusing it early keeps every parser's work small. */
export const MAX_PHRASE_LENGTH = 120;

function checkSettings(settings: ResolveSettings): void {
  if (!isValidZone(settings.zone)) {
    throw new PeriodError(
      'invalid-zone',
      `“${settings.zone}” is not a time zone I know (use an IANA name such as Europe/Athens).`,
    );
  }
  if (!Number.isInteger(settings.weekStart) || settings.weekStart < 0 || settings.weekStart > 6) {
    throw new PeriodError('invalid-week-start', 'The week start must be a day from Sunday (0) to Saturday (6).');
  }
  if (!Number.isFinite(settings.now))
    throw new PeriodError('unparseable', 'The reference time is not a valid instant.');
}

/** Case and spacing never matter; Slack's HTML escapes and typographic dashes are read as what they stand for. */
export function normalizePhrase(phrase: string): string {
  return phrase
    .normalize('NFKC')
    .replace(/&amp;/g, '&')
    .replace(/&lt;|&gt;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Periods resolved lately. What a phrase means depends on `now` only through the local day (and,
 * for the parser's reference, the UTC offset): a property test holds this. So a phrase asked again
 * the same day is answered without parsing. Periods are immutable; sharing them is safe.
 */
const resolved = memo(new LRUCache<string, Period>({ max: 5000 }));

/**
 * Turns a phrase ("last week", "Q3 2025 by week", "") into the period it means, in the
 * workspace's zone and week start, as of `now`. Throws `PeriodError` with a message for people.
 */
export function resolvePeriod(phrase: string, settings: ResolveSettings): Period {
  const { text, cal } = checked(phrase, settings);
  const day = floorTo(settings.now, 'day', cal);
  const key = `${cal.zone}\n${cal.weekStart}\n${day}\n${offsetAt(settings.now, cal.zone)}\n${text}`;
  let period = resolved.get(key);
  if (!period) {
    period = resolveText(text, cal, settings);
    resolved.set(key, period);
  }
  return period;
}

/** The same as resolvePeriod, always parsed afresh: what the kept answers are checked against. */
export function resolvePeriodAfresh(phrase: string, settings: ResolveSettings): Period {
  const { text, cal } = checked(phrase, settings);
  return resolveText(text, cal, settings);
}

function checked(phrase: string, settings: ResolveSettings): { text: string; cal: Calendar } {
  checkSettings(settings);
  const text = normalizePhrase(phrase);
  if (text.length > MAX_PHRASE_LENGTH) {
    throw new PeriodError('phrase-too-long', `That phrase is longer than ${MAX_PHRASE_LENGTH} characters.`);
  }
  return { text, cal: { zone: settings.zone, weekStart: settings.weekStart as Weekday } };
}

function resolveText(text: string, cal: Calendar, settings: ResolveSettings): Period {
  const ctx = { cal, now: settings.now };
  const reference = { instant: new Date(settings.now), timezone: offsetAt(settings.now, settings.zone) };
  const { what, unit } = readPhrase(text, reference);
  const thisWeek = { kind: 'relative', step: 'week', shift: 0, toDate: false } as const;
  const spec = what ?? thisWeek;
  const placed: Placed = spec.kind === 'range' ? placeRange(spec.from, spec.to, ctx) : placeSpec(spec, ctx);
  return makePeriod({ ...placed, unit }, settings);
}
