import { type WallParts, wallOf, wallParts } from '../period/calendar.js';
import { clockOf, monthOf, spanName, weekdayOf } from './bucket-names.js';
import type { ChartData } from './chart-data.js';

/** One x label: a line, two lines ("Fri 27" over "so far"), or nothing. */
export type Tick = string | readonly [string, string];

/** Room the x labels have at 600 px wide, and what a 13 px character takes, about (a little more than Helvetica's). */
export const PLOT_WIDTH_PX = 520;
const CHAR_PX = 7.6;
const GAP_PX = 14;

interface Point {
  readonly index: number;
  readonly at: WallParts;
  readonly state: ChartData['points'][number]['state'];
  /**
   * The wall clock reads as it did at the point before (the hour repeated when clocks go back):
   * never labelled, or "00:00" would stand twice side by side and crowd out every label of the day.
   */
  readonly repeat: boolean;
}

/** A way to label the axis: which points get a label and what it says. Tried densest first. */
interface Level {
  readonly pick: (p: Point) => boolean;
  readonly text: (p: Point) => string;
}

const dayText = (p: Point) => `${weekdayOf(p.at)} ${p.at.day}`;
const dateText = (p: Point) => `${p.at.day} ${monthOf(p.at)}`;
const midnight = (p: Point) => p.at.hour === 0 && p.at.minute === 0;

/** "Nov", or the year where a year begins on a chart that spans years. */
function monthText(spansYears: boolean) {
  return (p: Point) => (spansYears && p.at.month === 1 ? `${p.at.year}` : monthOf(p.at));
}

function levelsFor(data: ChartData, spansYears: boolean): Level[] {
  const { unit, cal } = data;
  const every = (pick: Level['pick'], text: Level['text']): Level => ({ pick, text });
  const everyNth = (n: number, text: Level['text']) => every((p) => p.index % n === 0, text);
  const onDays = (hours: readonly number[]) =>
    every(
      (p) => p.at.minute === 0 && (midnight(p) || hours.includes(p.at.hour)),
      (p) => (midnight(p) ? dayText(p) : clockOf(p.at)),
    );
  const month = monthText(spansYears);
  switch (unit) {
    case 'hour':
    case 'sixHours':
      if (!data.multiDay)
        return [1, 2, 3, 6, 12].map((k) =>
          every(
            (p) => p.at.hour % k === 0,
            (p) => clockOf(p.at),
          ),
        );
      return [
        onDays([6, 12, 18]),
        onDays([12]),
        onDays([]),
        every((p) => midnight(p) && p.at.weekday === cal.weekStart, dayText),
      ];
    case 'day':
      return [
        every(() => true, dayText),
        every((p) => p.at.weekday === cal.weekStart, dateText),
        every((p) => p.at.day === 1, month),
        every((p) => p.at.day === 1 && p.at.month % 3 === 1, month),
        every(
          (p) => p.at.day === 1 && p.at.month === 1,
          (p) => `${p.at.year}`,
        ),
      ];
    case 'week':
      return [
        everyNth(1, dateText),
        everyNth(2, dateText),
        every((p) => p.at.day <= 7, dateText),
        every((p) => p.at.day <= 7 && p.at.month % 3 === 1, dateText),
        // Three years and more: quarter starts crowd, so the first week starting in January names its year.
        every(
          (p) => p.at.day <= 7 && p.at.month === 1,
          (p) => `${p.at.year}`,
        ),
      ];
    case 'month':
      return [
        every(() => true, month),
        every((p) => p.at.month % 3 === 1, month),
        every(
          (p) => p.at.month === 1,
          (p) => `${p.at.year}`,
        ),
        every(
          (p) => p.at.month === 1 && p.at.year % 5 === 0,
          (p) => `${p.at.year}`,
        ),
      ];
    case 'quarter':
      return [
        every(
          () => true,
          (p) => `Q${Math.ceil(p.at.month / 3)}`,
        ),
        every(
          (p) => p.at.month === 1,
          (p) => `${p.at.year}`,
        ),
      ];
    case 'year':
      return [everyNth(1, (p) => `${p.at.year}`), everyNth(5, (p) => `${p.at.year}`)];
  }
}

const widthOf = (tick: Tick) => Math.max(...(typeof tick === 'string' ? [tick] : tick).map((t) => t.length)) * CHAR_PX;

/** Every neighbouring pair of labels has room between them at Slack's width. */
function fits(ticks: ReadonlyMap<number, Tick>, count: number): boolean {
  const step = PLOT_WIDTH_PX / Math.max(1, count - 1);
  let previous: [number, Tick] | null = null;
  for (const entry of [...ticks.entries()].sort((a, b) => a[0] - b[0])) {
    if (previous && (entry[0] - previous[0]) * step < (widthOf(entry[1]) + widthOf(previous[1])) / 2 + GAP_PX)
      return false;
    previous = entry;
  }
  return true;
}

/** Partial and short points always carry a label: "Fri 27 / so far", "29–30 Sep". */
function forcedTicks(data: ChartData, points: readonly Point[], first: Level): Map<number, Tick> {
  const forced = new Map<number, Tick>();
  points.forEach((p, i) => {
    const drawn = data.series.contactsAdded[i] !== null;
    const point = data.points[i];
    if (!drawn || !point) return;
    if (p.state === 'partial') forced.set(i, [first.text(p), 'so far']);
    if (p.state === 'short') forced.set(i, spanName(point.start, point.end, data.cal));
  });
  return forced;
}

/**
 * Flat labels that fit side by side at Slack's size: the densest natural set (every day, week
 * starts, month starts; hours at midnight with the day on charts of several days), plus the
 * labels partial and short points must carry. Blank where a point has no label.
 */
export function chooseTicks(data: ChartData): Tick[] {
  const { zone } = data.cal;
  const spansYears =
    wallParts(data.points[0]?.start ?? 0, zone).year !== wallParts(data.points.at(-1)?.end ?? 0, zone).year;
  const walls = data.points.map((p) => wallOf(p.start, zone));
  const points = data.points.map((p, index) => ({
    index,
    at: wallParts(p.start, zone),
    state: p.state,
    repeat: index > 0 && walls[index - 1] === walls[index],
  }));
  const levels = levelsFor(data, spansYears);
  const forced = levels[0] ? forcedTicks(data, points, levels[0]) : new Map<number, Tick>();
  for (const level of levels) {
    const ticks = new Map(forced);
    for (const p of points) {
      if (forced.has(p.index) || p.repeat || !level.pick(p)) continue;
      const candidate = new Map(forced).set(p.index, level.text(p));
      if (fits(candidate, points.length)) ticks.set(p.index, level.text(p));
    }
    if (fits(ticks, points.length) && ticks.size > forced.size) return points.map((p) => ticks.get(p.index) ?? '');
  }
  return points.map((p) => forced.get(p.index) ?? '');
}
