import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo.js';
import type { Weekday } from '../../src/period/calendar.js';
import { resolvePeriod } from '../../src/period/index.js';
import { MEASURES, type Measure } from '../../src/report/report-types.js';
import { DEMO_ACCOUNT } from '../../src/tellody/sandbox/server.js';
import { activityBetween } from '../../src/tellody/sandbox/synthetic-data.js';
import { MEASURE_NAMES } from '../../src/views/format.js';
import { expectValidMessage } from '../support/block-kit.js';
import { PHRASE_FORMS } from '../support/phrase-forms.js';

/*
 * The demo in-process (`runDemo`, what `npm run demo` prints), for every phrase form: its numbers
 * are checked against the sandbox's own count of events in the period's instants, and its exit
 * codes against what went wrong. (test/integration/demo.test.ts runs it as `npm run demo`.)
 */

const NOW = '2026-11-27T10:00:00Z';
const CALENDAR = { zone: 'Europe/Athens', weekStart: 1 as Weekday, now: Date.parse(NOW) };

/** "  New contacts         1,549   down 0.8 % (−13)" → 1549, for each measure. */
function totalsPrinted(stdout: string): Record<Measure, number> {
  const totals = {} as Record<Measure, number>;
  for (const m of MEASURES) {
    const match = new RegExp(`^  ${MEASURE_NAMES[m]} +([\\d,]+)`, 'm').exec(stdout);
    if (!match?.[1]) throw new Error(`the demo printed no total for ${MEASURE_NAMES[m]}`);
    totals[m] = Number(match[1].replaceAll(',', ''));
  }
  return totals;
}

describe('the demo, for every phrase form', () => {
  it.each(PHRASE_FORMS)('reports “%s” with the sandbox’s own count of its events, and exits 0', async (phrase) => {
    const result = await runDemo([phrase, '--now', NOW], {});
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const period = resolvePeriod(phrase, CALENDAR);
    const events = activityBetween(
      { seed: DEMO_ACCOUNT.seed, zone: CALENDAR.zone },
      period.start,
      period.end + 1,
      CALENDAR.now,
    );
    expect(totalsPrinted(result.stdout)).toEqual(events);
    expect(result.stdout.split('\n')[0]).toContain(period.label);
    expectValidMessage(JSON.parse(result.stdout.slice(result.stdout.indexOf('Block Kit:\n') + 11)));
  });
});

describe('the demo’s exit codes', () => {
  it.each([
    [['next week'], /hasn’t started yet/],
    [['last week', '--tz', 'Mars/Olympus'], /Mars\/Olympus/],
    [['last week', '--week-start', 'someday'], /--week-start must be one of sunday/],
    [['last week', '--now', 'yesterday-ish'], /yesterday-ish/],
  ])('exits 2 for %j, saying first what was wrong, on stderr, and printing nothing else', async (argv, problem) => {
    const result = await runDemo([...argv, ...(argv.includes('--now') ? [] : ['--now', NOW])], {});
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(problem);
    expect(result.stderr).not.toMatch(/\bat \S+ \(|Error:/);
    expect(result.stdout).toBe('');
  });
});

describe('the demo’s alerts, in-process (test/integration/demo.test.ts runs npm run demo -- --alerts)', () => {
  const MONDAY = '2026-11-30T12:10:00+02:00';

  it('says every measure is as usual on an ordinary Monday', async () => {
    const result = await runDemo(['--alerts', '--now', MONDAY], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Today by 12:00 against the same hour of the last 8 Mondays');
    expect(result.stdout).toMatch(/Opt-outs\s+\d+ by 12:00\s+usual \d+ \(range \d+–\d+\)\s+normal/);
    expect(result.stdout).not.toContain('ALERT');
  });

  it.each([
    [['--spike', 'contactsBlocked:4:from=2026-11-30T09:00Z'], /--spike .* is not series:<factor>x:from=ISO/],
    [['--outage', 'signups:from=2026-11-30T09:00Z'], /“signups” is not a series/],
    [['--outage', 'contactsAdded:from=yesterday'], /not an ISO 8601 instant/],
    [['--sensitivity', 'paranoid'], /--sensitivity must be one of low, normal, high/],
  ])('explains %j with exit 2', async (flags, message) => {
    const result = await runDemo(['--alerts', '--now', MONDAY, ...flags], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
