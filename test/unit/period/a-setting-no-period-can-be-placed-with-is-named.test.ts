import { describe, expect, it } from 'vitest';
import type { ResolveSettings } from '../../../src/period/period-types.js';
import { refusalOf } from '../../support/period-refusal.js';

/*
 * A zone, week start or reference time the resolver cannot use is refused with its own code
 * and words (shown to admins and in the CLI), never as some other problem.
 */

describe('settings a period cannot be placed with', () => {
  it.each([
    [
      { zone: 'Mars/Olympus', weekStart: 1, now: 0 },
      'invalid-zone',
      '“Mars/Olympus” is not a time zone I know (use an IANA name such as Europe/Athens).',
    ],
    [
      { zone: 'Europe/Athens', weekStart: 7, now: 0 },
      'invalid-week-start',
      'The week start must be a day from Sunday (0) to Saturday (6).',
    ],
    [
      { zone: 'Europe/Athens', weekStart: 1.5, now: 0 },
      'invalid-week-start',
      'The week start must be a day from Sunday (0) to Saturday (6).',
    ],
    [
      { zone: 'Europe/Athens', weekStart: 1, now: Number.NaN },
      'unparseable',
      'The reference time is not a valid instant.',
    ],
  ])('%j is refused: %s, “%s”', (settings, code, problem) => {
    expect(refusalOf('last week', settings as ResolveSettings)).toEqual({ code, problem });
  });
});
