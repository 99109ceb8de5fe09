import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/slack/in-flight.js';

describe('settling work in flight with no time left', () => {
  it('says at once that work is still running when given no time to wait for it', async () => {
    const inFlight = new InFlight();
    let finish: () => void = () => {};
    void inFlight.run(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(await inFlight.settle(0)).toBe(false);
    expect(await inFlight.settle(-1_000)).toBe(false);
    finish();
    expect(await inFlight.settle(1_000)).toBe(true);
  });
});
