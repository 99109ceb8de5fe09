import { describe, expect, it } from 'vitest';
import { npmScript } from '../support/npm-script.js';

const cli = (...args: string[]) => npmScript('cli', ...args);

describe('npm run cli -- window', () => {
  it('prints the docs’ own sample request for 21 July 2015 in Athens', async () => {
    const result = await cli(
      'window',
      '21 July 2015',
      '--tz',
      'Europe/Athens',
      '--week-start',
      'sunday',
      '--now',
      '2015-07-22T09:00:00Z',
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.requests).toEqual([{ from: 1437426000000, to: 1437512399999, unit: 'hour', window: 'day', dow: 0 }]);
    expect(json).toMatchObject({
      phrase: '21 July 2015',
      timezone: 'Europe/Athens',
      weekStart: 'sunday',
      start: '2015-07-21T00:00:00.000+03:00',
      end: '2015-07-21T23:59:59.999+03:00',
      unit: 'hour',
    });
  });

  it('prints last week as one week window by day', async () => {
    const result = await cli(
      'window',
      'last week',
      '--tz',
      'Europe/Athens',
      '--week-start',
      'monday',
      '--now',
      '2026-11-27T10:00:00Z',
    );
    const json = JSON.parse(result.stdout);
    expect(json.requests).toEqual([{ from: 1794780000000, to: 1795384799999, unit: 'day', window: 'week', dow: 1 }]);
    expect(json.label).toBe('Last week · Mon 16 – Sun 22 Nov 2026');
    expect(Object.keys(json)).toEqual(['phrase', 'timezone', 'weekStart', 'label', 'start', 'end', 'unit', 'requests']);
  });

  it.each([
    [['window', 'next week', '--now', '2026-11-27T10:00:00Z'], /hasn’t started yet/],
    [['window', 'last week', '--tz', 'Nowhere/Else'], /not a time zone/],
    [['window', 'last week', '--week-start', 'someday'], /--week-start/],
    [['window', 'last week', '--now', 'yesterday-ish'], /--now/],
    [['window', 'gibberish words'], /couldn’t find a date/],
    [['window', 'last week', '--bogus'], /Unknown option/],
    [['frobnicate'], /Unknown command/],
  ])('exits 2 with one line on stderr and nothing on stdout for %j', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
