import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChannelPacer } from '../../../src/digest/deps.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the channel pacer', () => {
  it('keeps posts to one channel a second apart, and other channels free', async () => {
    const pacer = new ChannelPacer(200);
    const started = performance.now();
    await pacer.wait('C1');
    await pacer.wait('C2');
    expect(performance.now() - started).toBeLessThan(150);
    await pacer.wait('C1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('holds the next post no longer when the wall clock is stepped back two minutes', async () => {
    const pacer = new ChannelPacer(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-07T09:01:00Z') });
    await pacer.wait('C1');
    vi.setSystemTime(Date.parse('2026-12-07T08:59:00Z'));
    const started = performance.now();
    await pacer.wait('C1');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
