import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMISSION_LIMITS, Admission, type AdmissionLimits, inTurn } from '../../../src/slack/admission.js';
import { checkAsyncProperty } from '../../support/checked-property.js';

/** Work that runs until the test finishes it. */
function gated() {
  const started: number[] = [];
  const finishers = new Map<number, (ok: boolean) => void>();
  const work = (id: number) => () =>
    new Promise<number>((resolve, reject) => {
      started.push(id);
      finishers.set(id, (ok) => (ok ? resolve(id) : reject(new Error(`work ${id} failed`))));
    });
  const finish = (id: number, ok = true) => {
    finishers.get(id)?.(ok);
    finishers.delete(id);
  };
  return { started, work, finish };
}

/** Lets queued work start (p-limit starts it a microtask or two later). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('admission of requests’ work', () => {
  it.each<AdmissionLimits>([
    { running: 1, waiting: 0 },
    { running: 2, waiting: 3 },
    { running: 5, waiting: 1 },
  ])('with %j, takes on running + waiting requests, runs `running` at once, and refuses the next', async (limits) => {
    const admission = new Admission(limits);
    const { started, work } = gated();
    const capacity = limits.running + limits.waiting;
    const places = Array.from({ length: capacity + 2 }, () => admission.enter());
    expect(places.filter((place) => place !== null)).toHaveLength(capacity);
    expect(places.slice(capacity)).toEqual([null, null]);
    places.forEach((place, i) => void place?.run(work(i)));
    await settle();
    expect(started).toEqual(Array.from({ length: limits.running }, (_, i) => i));
    expect(admission.running).toBe(limits.running);
    expect(admission.taken).toBe(capacity);
  });

  it('starts waiting work in the order it came as running work finishes, and takes new requests again', async () => {
    const admission = new Admission({ running: 2, waiting: 2 });
    const { started, work, finish } = gated();
    const done = [0, 1, 2, 3].map((i) => admission.enter()?.run(work(i)));
    await settle();
    expect(started).toEqual([0, 1]);
    expect(admission.enter()).toBeNull();
    finish(1);
    await expect(done[1]).resolves.toBe(1);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(admission.taken).toBe(3);
    const next = admission.enter();
    expect(next).not.toBeNull();
    void next?.run(work(4));
    finish(0);
    finish(2);
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the place of work that failed, and passes its error on', async () => {
    const admission = new Admission({ running: 1, waiting: 0 });
    const { work, finish } = gated();
    const failing = admission.enter()?.run(work(0));
    await settle();
    expect(admission.enter()).toBeNull();
    finish(0, false);
    await expect(failing).rejects.toThrow('work 0 failed');
    expect(admission.taken).toBe(0);
    expect(admission.enter()).not.toBeNull();
  });

  it('frees a place given up before its work ran, and runs a place’s work only once', async () => {
    const admission = new Admission({ running: 1, waiting: 0 });
    const left = admission.enter();
    expect(admission.enter()).toBeNull();
    left?.leave();
    left?.leave();
    expect(admission.taken).toBe(0);
    await expect(left?.run(async () => 'late')).rejects.toThrow('once');
    const place = admission.enter();
    await expect(place?.run(async () => 'first')).resolves.toBe('first');
    await expect(place?.run(async () => 'second')).rejects.toThrow('once');
    expect(admission.taken).toBe(0);
  });

  it('counts refusals in a row, from the start of a busy spell to the next request taken on, and in all', async () => {
    const admission = new Admission({ running: 1, waiting: 0 });
    const { work, finish } = gated();
    const running = admission.enter()?.run(work(0));
    for (let i = 0; i < 3; i++) expect(admission.enter()).toBeNull();
    expect(admission.refused).toEqual({ inARow: 3, total: 3 });
    await settle();
    finish(0);
    await running;
    admission.enter()?.leave();
    expect(admission.refused).toEqual({ inARow: 0, total: 3 });
  });

  it('refuses limits that could take nothing on', () => {
    expect(() => new Admission({ running: 0, waiting: 10 })).toThrow(RangeError);
    expect(() => new Admission({ running: 4, waiting: -1 })).toThrow(RangeError);
  });

  it('runs 128 requests at once and lets 1,024 wait by default', () => {
    expect(ADMISSION_LIMITS).toEqual({ running: 128, waiting: 1024 });
    expect(new Admission().limits).toBe(ADMISSION_LIMITS);
  });

  it('never runs more than `running` or holds more than running + waiting, runs every admitted request once and in order, and refuses only when full', async () => {
    const steps = fc.array(fc.oneof(fc.constant('arrive' as const), fc.nat({ max: 20 })), { maxLength: 80 });
    const limits = fc.record({ running: fc.integer({ min: 1, max: 4 }), waiting: fc.integer({ min: 0, max: 4 }) });
    await checkAsyncProperty(
      fc.tuple(limits, steps),
      async ([limit, script]) => {
        const admission = new Admission(limit);
        const { started, work, finish } = gated();
        const admitted: number[] = [];
        let arrivals = 0;
        for (const step of script) {
          if (step === 'arrive') {
            const full = admission.taken === limit.running + limit.waiting;
            const place = admission.enter();
            expect(place === null).toBe(full);
            const id = arrivals++;
            if (place) {
              admitted.push(id);
              void place.run(work(id)).catch(() => {});
            }
          } else {
            // Finish the n-th running piece of work (some fail), whichever it is.
            const running = started.filter((id) => admitted.includes(id));
            const id = running[step % Math.max(1, running.length)];
            if (id !== undefined) {
              finish(id, step % 3 !== 0);
              admitted.splice(admitted.indexOf(id), 1);
            }
          }
          await settle();
          expect(admission.running).toBeLessThanOrEqual(limit.running);
          expect(admission.taken).toBeLessThanOrEqual(limit.running + limit.waiting);
          expect(admission.taken).toBe(admitted.length);
        }
        expect(new Set(started).size).toBe(started.length);
        expect(started).toEqual([...started].sort((a, b) => a - b));
      },
      { numRuns: 200 },
    );
  });
});

describe('a request answered in turn', () => {
  it('is acked, then its work runs', async () => {
    const said: string[] = [];
    await inTurn(new Admission({ running: 1, waiting: 0 }), {
      ack: async () => void said.push('ack'),
      refuse: async () => void said.push('busy'),
      work: async () => void said.push('work'),
    });
    expect(said).toEqual(['ack', 'work']);
  });

  it('is refused at once, and nothing else done, when every place is taken', async () => {
    const admission = new Admission({ running: 1, waiting: 0 });
    const { work, finish } = gated();
    void admission.enter()?.run(work(0));
    const said: string[] = [];
    await inTurn(admission, {
      ack: async () => void said.push('ack'),
      refuse: async () => void said.push('busy'),
      work: async () => void said.push('work'),
    });
    expect(said).toEqual(['busy']);
    finish(0);
  });

  it('gives its place back when the ack fails, and the failure passes on', async () => {
    const admission = new Admission({ running: 1, waiting: 0 });
    const said: string[] = [];
    await expect(
      inTurn(admission, {
        ack: async () => {
          throw new Error('ack failed');
        },
        refuse: async () => void said.push('busy'),
        work: async () => void said.push('work'),
      }),
    ).rejects.toThrow('ack failed');
    expect(said).toEqual([]);
    expect(admission.taken).toBe(0);
  });
});
