import { describe, expect, it } from 'vitest';
import type { Report, Totals } from '../../../src/report/report-types.js';
import type { ChartImage } from '../../../src/views/chart.js';
import { appHomeLink, localDateTime, slotPhrase } from '../../../src/views/digest-format.js';
import { buildDigestMessage } from '../../../src/views/digest-message.js';
import { ACTIONS } from '../../../src/views/ids.js';
import { expectValidMessage } from '../../support/block-kit.js';
import { madeReport } from '../../support/made-report.js';
import { actionIdsOf, linesOf } from '../../support/view-text.js';

/*
 * The weekly digest as the channel sees it: said to be the digest and when it comes, last week's
 * report, a way into the app — and no Share button, as it is already in the channel.
 */

const NOW = '2026-11-23T07:00:00Z'; // Monday 09:00 in Athens
const CHART: ChartImage = { url: 'https://quickchart.example/chart?c=x', kind: 'direct', perPoint: 1 };
const totals = (added: number, optOuts: number, served: number, groups: number): Totals => ({
  contactsAdded: added,
  contactsBlocked: optOuts,
  contactsServed: served,
  groupsAdded: groups,
});
const none = totals(0, 0, 0, 0);

function lastWeek(): Report {
  return madeReport('last week', {
    now: NOW,
    values: (i) => (i === 0 ? totals(1549, 94, 20_264, 23) : none),
    previous: (i) => (i === 0 ? totals(1562, 133, 28_026, 22) : none),
  });
}

const digest = (overrides: Partial<Parameters<typeof buildDigestMessage>[0]> = {}) =>
  buildDigestMessage({
    report: lastWeek(),
    chart: CHART,
    now: Date.parse(NOW),
    slot: { day: 1, time: '09:00' },
    teamId: 'T0ACME',
    appId: 'A0CONTACTS',
    ...overrides,
  });

describe('the weekly digest in the channel', () => {
  it('notifies with the numbers, saying it is the weekly digest', () => {
    expect(digest().text).toBe(
      'Weekly digest: 1,549 new contacts (−0.8 %), 94 opt-outs (−29 %), 20,264 contacts served (−28 %), 23 new groups (+4.5 %) · Last week · Mon 16 – Sun 22 Nov 2026',
    );
  });

  it('opens with what it is and when it comes, and ends with a link into the app', () => {
    const message = digest();
    expectValidMessage(message);
    const lines = linesOf(message);
    expect(lines[0]).toBe(':calendar: *Weekly digest* from Contacts · Mondays at 09:00 EET');
    expect(lines[1]).toBe('# Contacts · Last week');
    expect(lines.at(-1)).toBe(
      '<slack://app?team=T0ACME&id=A0CONTACTS&tab=home|Open Contacts> for any other period, or type `/contacts`.',
    );
    expect(message.blocks[0]?.block_id).toBe('digest_intro');
    expect(message.blocks.at(-1)?.block_id).toBe('digest_link');
  });

  it('carries last week’s numbers and chart between the two', () => {
    const lines = linesOf(digest());
    expect(lines).toContain('*New contacts*\n1,549 · down 0.8 % (−13)');
    expect(lines.some((line) => line.startsWith('(image: '))).toBe(true);
  });

  it('lets people step to other weeks privately, but offers no Share button', () => {
    const ids = actionIdsOf(digest());
    expect(ids).toContain(ACTIONS.previous);
    expect(ids).not.toContain(ACTIONS.share);
  });

  it('names the day the workspace chose, in the report’s zone', () => {
    const lines = linesOf(digest({ slot: { day: 0, time: '18:15' } }));
    expect(lines[0]).toBe(':calendar: *Weekly digest* from Contacts · Sundays at 18:15 EET');
  });
});

describe('days, times and links in the digest’s words', () => {
  it.each([
    [0, 'Sundays at 08:00 EST'],
    [3, 'Wednesdays at 08:00 EST'],
    [6, 'Saturdays at 08:00 EST'],
    [9, 'Mondays at 08:00 EST'],
  ])('day %i at 08:00 in New York reads “%s”', (day, words) => {
    expect(slotPhrase({ day, time: '08:00' }, 'America/New_York', Date.parse(NOW))).toBe(words);
  });

  it('writes a moment as weekday, date, month and 24-hour time in the zone', () => {
    expect(localDateTime(Date.parse('2026-12-07T16:05:00Z'), 'America/New_York')).toBe('Mon 7 Dec, 11:05');
  });

  it('links into the app’s Home tab, with the ids made safe for a URL', () => {
    expect(appHomeLink('T0ACME', 'A0CONTACTS')).toBe('slack://app?team=T0ACME&id=A0CONTACTS&tab=home');
    expect(appHomeLink('T0 &1', 'A0/2')).toBe('slack://app?team=T0%20%261&id=A0%2F2&tab=home');
  });
});
