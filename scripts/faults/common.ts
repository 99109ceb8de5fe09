import { DateTime } from 'luxon';
import type { Weekday } from '../../src/period/calendar.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds; false after `timeoutMs` (a long run reports what it saw rather than stopping). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) return false;
    await sleep(100);
  }
  return true;
}

/** A weekly slot (Athens) at the minute `at` falls in: what makes a digest due at that instant. */
export function slotAt(at: number): { day: Weekday; time: string } {
  const local = DateTime.fromMillis(at, { zone: 'Europe/Athens' });
  return { day: (local.weekday % 7) as Weekday, time: local.toFormat('HH:mm') };
}

/** One line of the results table: what was tried, how often, what happened, posts counted, data lost. */
export interface FaultRow {
  readonly fault: string;
  readonly tried: string;
  readonly happened: string;
  readonly posts: string;
  readonly lost: string;
}

export const log = (line: string) => process.stderr.write(`${line}\n`);
