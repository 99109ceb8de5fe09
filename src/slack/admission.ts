import pLimit, { type LimitFunction } from 'p-limit';

/**
 * How many requests' work one instance holds at once. Up to `running` run side by side (enough to
 * keep the CPU busy while answers travel to Slack); up to `waiting` more wait their turn, first
 * come first served; beyond that a request is answered at once that the app is busy, and nothing
 * of it is kept. A burst faster than the app can answer therefore holds at most
 * running + waiting requests in memory, however long it lasts.
 */
export interface AdmissionLimits {
  readonly running: number;
  readonly waiting: number;
}

/**
 * 128 at once: an answer waits on Tellody (~100 ms away) and its post to Slack, and meanwhile the
 * CPU makes the next ones; at the few hundred answers a second an instance makes, 128 cover the
 * waiting with room to spare (256 answered no more in a burst, with a higher peak). 1,024 waiting:
 * the last of them starts within a few seconds (docs/benchmarks.md).
 */
export const ADMISSION_LIMITS: AdmissionLimits = { running: 128, waiting: 1024 };

/** A request's place: its work runs once (when a running place is free), or the place is given up unused. */
export interface Place {
  run<T>(work: () => Promise<T>): Promise<T>;
  leave(): void;
}

export class Admission {
  private readonly limit: LimitFunction;
  /** Places handed out whose work has not been queued yet (the ack is under way). */
  private reserved = 0;
  private refusedSince = 0;
  private refusedEver = 0;

  constructor(readonly limits: AdmissionLimits = ADMISSION_LIMITS) {
    if (!(limits.running >= 1 && limits.waiting >= 0))
      throw new RangeError(
        `admission needs at least one running place and no negative waiting: ${JSON.stringify(limits)}`,
      );
    this.limit = pLimit(limits.running);
  }

  /** Requests taken on and not finished: running, waiting their turn, or holding a place not yet used. */
  get taken(): number {
    return this.limit.activeCount + this.limit.pendingCount + this.reserved;
  }

  get running(): number {
    return this.limit.activeCount;
  }

  /** Requests refused since the last one taken on (1: a busy spell has just begun), and since start-up. */
  get refused(): { readonly inARow: number; readonly total: number } {
    return { inARow: this.refusedSince, total: this.refusedEver };
  }

  /** A place for one request's work, or null when every place is taken: the request is to be told to try again. */
  enter(): Place | null {
    if (this.taken >= this.limits.running + this.limits.waiting) {
      this.refusedSince++;
      this.refusedEver++;
      return null;
    }
    this.refusedSince = 0;
    this.reserved++;
    let held = true;
    const release = () => {
      if (!held) return false;
      held = false;
      this.reserved--;
      return true;
    };
    return {
      run: <T>(work: () => Promise<T>) => {
        if (!release()) return Promise.reject(new Error('an admission place runs one piece of work, once'));
        return this.limit(work);
      },
      leave: () => {
        release();
      },
    };
  }
}

export interface InTurn {
  /** Tells Slack the request arrived (an empty ack). */
  readonly ack: () => Promise<void>;
  /** Answers a request there is no place for, at once and instead of the ack (for a command: an ack that says so). */
  readonly refuse: () => Promise<void>;
  readonly work: () => Promise<void>;
}

/**
 * A request's ack, then its work in turn; or, when every place is taken, its refusal and nothing
 * else. Either way Slack gets its answer at once: every request is answered or told to try again.
 */
export async function inTurn(admission: Admission, steps: InTurn): Promise<void> {
  const place = admission.enter();
  if (!place) {
    await steps.refuse();
    return;
  }
  try {
    await steps.ack();
  } catch (error) {
    place.leave();
    throw error;
  }
  await place.run(steps.work);
}
