import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChannelPacer } from '../../../src/jobs/channel-pacer.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'performance'], now: Date.parse('2026-12-07T09:01:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts a wait and says whether it is over after `ms` of the fake timers. */
async function overAfter(pacer: ChannelPacer, channel: string, ms: number): Promise<boolean> {
  let over = false;
  void pacer.wait(channel).then(() => {
    over = true;
  });
  await vi.advanceTimersByTimeAsync(ms);
  return over;
}

describe('the channel pacer', () => {
  it('keeps posts to one channel a second apart, and leaves other channels free', async () => {
    const pacer = new ChannelPacer(1000);
    expect(await overAfter(pacer, 'C1', 0)).toBe(true);
    expect(await overAfter(pacer, 'C2', 0)).toBe(true);
    expect(await overAfter(pacer, 'C1', 999)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await overAfter(pacer, 'C3', 0)).toBe(true);
  });

  it('holds the next post no longer when the wall clock is stepped back two minutes', async () => {
    const pacer = new ChannelPacer(1000);
    expect(await overAfter(pacer, 'C1', 0)).toBe(true);
    vi.setSystemTime(Date.parse('2026-12-07T08:59:00Z'));
    expect(await overAfter(pacer, 'C1', 1000)).toBe(true);
  });
});
