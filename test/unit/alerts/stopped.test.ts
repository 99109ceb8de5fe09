import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/alerts/assess.js';
import type { HourlyDay } from '../../../src/alerts/local-hours.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.parse('2026-11-30T00:00:00Z');

/** A UTC day with `perHour(h)` events of every measure in the hour starting at h:00. */
function day(start: number, perHour: (hour: number) => number): HourlyDay {
  const hourStarts = Array.from({ length: 24 }, (_, h) => start + h * HOUR);
  const counts = hourStarts.map((_, h) => perHour(h));
  return {
    start,
    hourStarts,
    counts: { contactsAdded: counts, contactsBlocked: counts, contactsServed: counts, groupsAdded: counts },
  };
}

/** Eight earlier Mondays with `usual(h)` an hour, give or take one. */
const mondaysBefore = (usual: (hour: number) => number) =>
  Array.from({ length: 8 }, (_, i) => day(MONDAY - (8 - i) * 7 * DAY, (h) => usual(h) + ((h + i) % 3) - 1));

/** A lively working day: many sign-ups by day, few at night, so the day's total is noisy for hours. */
const lively = (h: number): number => (h >= 8 && h < 20 ? 12 : 1);

function judged(today: (hour: number) => number, hour: number, usual = lively) {
  const input = {
    today: day(MONDAY, (h) => (h < hour ? today(h) : 0)),
    weeksBefore: mondaysBefore(usual),
    hour,
    weekday: 1,
    zone: 'UTC',
    sensitivity: 'normal' as const,
  };
  return assess(input, 'contactsAdded');
}

describe('new contacts that stop', () => {
  it('alert within two hours of a stop after a busy morning, though the day’s total still looks ordinary', () => {
    const stopAt13 = (h: number) => (h < 13 ? lively(h) : 0);
    const { judgement, finding } = judged(stopAt13, 15);
    expect(judgement.kind).toBe('anomalous');
    expect(finding).toMatchObject({ way: 'down', quietSince: 13, observed: 68 });
    // The day's total alone (68 by 15:00 against a usual ~90) would not have said so.
    expect(finding.observed / finding.usual).toBeGreaterThan(0.6);
  });

  it('stay quiet for an empty hour where the usual hour has only a few', () => {
    const usual = (h: number) => (h >= 8 && h < 20 ? 3 : 0);
    const { judgement, finding } = judged((h) => (h === 14 ? 0 : usual(h)), 15, usual);
    expect(finding.quietSince).toBe(14);
    expect(judgement.kind).not.toBe('anomalous');
  });

  it('stay quiet for the quiet hours of the night', () => {
    const { judgement, finding } = judged((h) => (h < 20 ? lively(h) : 0), 23);
    expect(finding.quietSince).toBe(20);
    expect(judgement.kind).not.toBe('anomalous');
  });

  it('are back to normal once sign-ups come again and the day’s total is ordinary', () => {
    const resumed = (h: number) => (h === 13 ? 0 : h === 14 ? 20 : lively(h));
    const { judgement, finding } = judged(resumed, 15);
    expect(finding.quietSince).toBeNull();
    expect(judgement.kind).toBe('normal');
  });

  it('never turn opt-outs, watched going up, into a “stopped” alert', () => {
    const input = {
      today: day(MONDAY, (h) => (h < 13 ? lively(h) : 0)),
      weeksBefore: mondaysBefore(lively),
      hour: 16,
      weekday: 1,
      zone: 'UTC',
      sensitivity: 'normal' as const,
    };
    expect(assess(input, 'contactsBlocked').judgement.kind).not.toBe('anomalous');
  });
});
