/** Bucket sizes and window types exactly as Tellody names them. */
export type ChartUnit = 'hour' | 'day' | 'week' | 'month';
export type ChartWindow = 'day' | 'week' | 'month' | 'year';

/** The body of `POST Report/ContactChart`: `from`/`to` are the first and last millisecond of the window. */
export interface ContactChartRequest {
  readonly from: number;
  readonly to: number;
  readonly unit: ChartUnit;
  readonly window: ChartWindow;
  /** First day of the week: 0 = Sunday … 6 = Saturday. */
  readonly dow: number;
}

/** One entry per bucket, first bucket first. */
export interface ContactChart {
  readonly contactsAdded: readonly number[];
  readonly groupsAdded: readonly number[];
  readonly contactsServed: readonly number[];
  readonly contactsBlocked: readonly number[];
}

export const CHART_SERIES = ['contactsAdded', 'groupsAdded', 'contactsServed', 'contactsBlocked'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

export interface UserInfo {
  readonly username: string;
  readonly userId: number | string | null;
  readonly email: string | null;
  readonly creditsAvailable: number | null;
  readonly creditsSpent: number | null;
}

export interface TellodyCredentials {
  readonly username: string;
  readonly password: string;
}
