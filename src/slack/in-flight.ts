/**
 * Work the app has taken on and not finished: a command acked but not yet answered, a Home tab
 * being published. A shutdown waits for it (within a bound) so nobody is left without an answer.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.pending.size;
  }

  /** Runs `work` and keeps track of it until it settles; its result and errors pass through untouched. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const running = work();
    const tracked = running.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(tracked);
    void tracked.then(() => this.pending.delete(tracked));
    return running;
  }

  /** Resolves true once everything in flight has settled, or false when `timeoutMs` passes first. */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      // Work started while waiting (a listener's follow-up) is waited for too: loop until none is
      // left, or until the time is up (the next turn finds no time left).
      await Promise.race([Promise.all([...this.pending]), timeUp]);
      clearTimeout(timer);
    }
    return true;
  }
}
