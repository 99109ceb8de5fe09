import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/slack/in-flight.js';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('work in flight', () => {
  it('passes results and errors through untouched, and forgets work once it settles', async () => {
    const inFlight = new InFlight();
    const ok = inFlight.run(() => later(5, 'done'));
    const failing = inFlight.run(() => Promise.reject(new Error('nope')));
    expect(inFlight.size).toBe(2);
    await expect(ok).resolves.toBe('done');
    await expect(failing).rejects.toThrow('nope');
    await later(0, null);
    expect(inFlight.size).toBe(0);
  });

  it('settles once everything has finished, including work started while waiting', async () => {
    const inFlight = new InFlight();
    const finished: string[] = [];
    void inFlight.run(async () => {
      await later(20, null);
      finished.push('first');
      void inFlight.run(async () => {
        await later(20, null);
        finished.push('follow-up');
      });
    });
    expect(await inFlight.settle(5_000)).toBe(true);
    expect(finished).toEqual(['first', 'follow-up']);
  });

  it('gives up at the deadline and says so, leaving the work counted', async () => {
    const inFlight = new InFlight();
    void inFlight.run(() => later(1_000, null));
    expect(await inFlight.settle(30)).toBe(false);
    expect(inFlight.size).toBe(1);
  });

  it('settles at once when nothing is in flight', async () => {
    expect(await new InFlight().settle(0)).toBe(true);
  });
});
