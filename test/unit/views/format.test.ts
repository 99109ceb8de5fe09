import { describe, expect, it } from 'vitest';
import { change } from '../../../src/report/compare.js';
import {
  changeBrief,
  changeText,
  count,
  escapeText,
  MARKS_EXPLAINED,
  percent,
  rate,
  verdictWord,
  weekdayName,
} from '../../../src/views/format.js';

/** How numbers and changes read in a report: the words beside every number people see. */
describe('numbers and changes in words', () => {
  it.each([
    [1549, 1562, 'down 0.8 % (−13)', '−0.8 %'],
    [1562, 1549, 'up 0.8 % (+13)', '+0.8 %'],
    [110, 100, 'up 10 % (+10)', '+10 %'],
    [199, 100, 'up 99 % (+99)', '+99 %'],
    [20_264, 28_026, 'down 28 % (−7,762)', '−28 %'],
    [100, 100, 'no change', 'no change'],
    [12, 0, 'new (0 → 12)', 'new'],
    [0, 0, 'no change', 'no change'],
  ])('%i after %i reads “%s”, and “%s” in a notification', (current, previous, text, brief) => {
    const c = change('contactsAdded', current, previous);
    expect(changeText(c)).toBe(text);
    expect(changeBrief(c)).toBe(brief);
  });

  it('reads a fall to nothing from nothing-before as a count, never a percentage of nothing', () => {
    const c = {
      current: 0,
      previous: 0,
      delta: -3,
      percent: null,
      trend: 'down',
      verdict: 'neutral',
      judgedBy: 'count',
    } as const;
    expect(changeText(c)).toBe('−3');
    expect(changeBrief(c)).toBe('−3');
  });

  it.each([
    [0.0042, '0.42 %'],
    [0.012, '1.2 %'],
    [0.009_99, '1.00 %'],
    [null, '—'],
  ])('shows the rate %s as “%s”', (value, shown) => {
    expect(rate(value)).toBe(shown);
  });

  it.each([
    [9.94, '9.9 %'],
    [10, '10 %'],
    [-0.04, '0.0 %'],
    [250.4, '250 %'],
  ])('shows a percentage of %d as “%s”', (value, shown) => {
    expect(percent(value)).toBe(shown);
  });

  it('groups thousands and rounds to whole contacts', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(count(0)).toBe('0');
    expect(count(2.6)).toBe('3');
  });

  it('marks only meaningful changes, and explains the marks with the thresholds that decide them', () => {
    expect(verdictWord(change('contactsAdded', 200, 100))).toBe('better');
    expect(verdictWord(change('contactsBlocked', 200, 100))).toBe('worse');
    expect(verdictWord(change('contactsAdded', 101, 100))).toBeNull();
    expect(MARKS_EXPLAINED).toBe(
      '*better* / *worse*: a change of at least 5 % and 10; opt-outs are judged by their rate',
    );
  });

  it('names weekdays from Sunday, as Slack and Tellody count them', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(weekdayName)).toEqual([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
  });

  it('keeps text from people and Tellody from pinging anyone', () => {
    expect(escapeText('<!here> & <@U1>')).toBe('&lt;!here&gt; &amp; &lt;@U1&gt;');
  });
});
