/**
 * Slack allows about one message per second per channel: posts to the same channel wait their turn.
 * Measured on the monotonic clock: a second is a second even when the wall clock is stepped (on
 * the wall clock, a step back of two minutes held the next post to a channel for two minutes).
 */
export class ChannelPacer {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly gapMs = 1000) {}

  async wait(channel: string): Promise<void> {
    const now = performance.now();
    if (this.nextFree.size > 10_000) for (const [c, t] of this.nextFree) if (t < now) this.nextFree.delete(c);
    const at = Math.max(now, this.nextFree.get(channel) ?? 0);
    this.nextFree.set(channel, at + this.gapMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
