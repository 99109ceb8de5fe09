import type { Calendar, Unit, Weekday, WindowKind } from './calendar.js';

export type { Calendar, Unit, Weekday, WindowKind };

/** The calendar step a period is counted in. */
export type PeriodStep = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** What the resolver needs besides the phrase; `now` is passed in so nothing reads the clock. */
export interface ResolveSettings extends Calendar {
  readonly now: number;
}

/**
 * A resolved period: `count` whole calendar `step`s from `start`, in `zone`. When `toDate` is
 * set the period stops at the end of today ("this year so far"). `end` is the last millisecond.
 */
export interface Period extends Calendar {
  readonly step: PeriodStep;
  readonly count: number;
  readonly toDate: boolean;
  readonly start: number;
  readonly end: number;
  readonly unit: Unit;
  /** "Last week", "Q3 2025", "8 days": what the period is, relative to now where that reads better. */
  readonly title: string;
  /** "Mon 16 – Sun 22 Nov 2026": exactly what was resolved. */
  readonly range: string;
  /** `title · range`, or just the range when the title would repeat it. */
  readonly label: string;
}

/** One `POST Report/ContactChart` body, exactly as sent. */
export interface WindowRequest {
  readonly from: number;
  readonly to: number;
  readonly unit: Unit;
  readonly window: WindowKind;
  readonly dow: Weekday;
}

export type PeriodErrorCode =
  | 'unparseable'
  | 'leftover'
  | 'several-periods'
  | 'future'
  | 'too-early'
  | 'invalid-zone'
  | 'invalid-week-start'
  | 'unit-too-large'
  | 'too-many-buckets'
  | 'too-long'
  | 'phrase-too-long'
  | 'conflicting-units'
  | 'ambiguous-date';

/** Two phrases that always work, shown with every error so people can recover. */
export const EXAMPLE_PHRASES = ['last week', 'Nov 3 to Nov 10 by day'] as const;

/** What `make` returns, or null when the period it asks for cannot be reported (before 2000, too long…). */
export function unlessPeriodError<T>(make: () => T): T | null {
  try {
    return make();
  } catch (error) {
    if (error instanceof PeriodError) return null;
    throw error;
  }
}

/** A phrase or setting the resolver cannot use; `message` says what was wrong and shows two phrases that work. */
export class PeriodError extends Error {
  constructor(
    readonly code: PeriodErrorCode,
    readonly problem: string,
  ) {
    super(`${problem} Try “${EXAMPLE_PHRASES[0]}” or “${EXAMPLE_PHRASES[1]}”.`);
    this.name = 'PeriodError';
  }
}
