import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo.js';
import type { Weekday } from '../../src/period/calendar.js';
import { resolvePeriod } from '../../src/period/index.js';
import { MEASURES, type Measure } from '../../src/report/types.js';
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
  ])('exits 2 for %j, saying what was wrong on stderr and printing nothing else', async (argv, problem) => {
    const result = await runDemo([...argv, ...(argv.includes('--now') ? [] : ['--now', NOW])], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
