import type { Store } from '../../src/store/open-store.js';

/** keyv's operations that reach the backend. */
const KEYV_OPERATIONS = ['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'clear'] as const;

/**
 * Counts every call a store makes to its backend — keyv's values, claims, sets and the due index —
 * by wrapping the store's own objects in place, until `stop()`. `calls` names each in order
 * ("keyv.get", "due.due"), so a test or a benchmark can say what one tick asked.
 */
export function countStoreCalls(store: Store) {
  const calls: string[] = [];
  const undo: (() => void)[] = [];
  const wrap = (target: object, name: string, operations: readonly string[]) => {
    for (const operation of operations) {
      const original = (target as Record<string, unknown>)[operation];
      if (typeof original !== 'function') continue;
      const own = Object.hasOwn(target, operation);
      Object.defineProperty(target, operation, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => {
          calls.push(`${name}.${operation}`);
          return (original as (...a: unknown[]) => unknown).apply(target, args);
        },
      });
      undo.push(() => {
        if (own) (target as Record<string, unknown>)[operation] = original;
        else delete (target as Record<string, unknown>)[operation];
      });
    }
  };
  wrap(store.keyv, 'keyv', KEYV_OPERATIONS);
  wrap(store.claims, 'claims', Object.keys(store.claims));
  wrap(store.sets, 'sets', Object.keys(store.sets));
  wrap(store.due, 'due', Object.keys(store.due));
  return {
    calls,
    /** Forgets the calls counted so far. */
    reset(): void {
      calls.splice(0);
    },
    stop(): void {
      for (const step of undo.splice(0).reverse()) step();
    },
  };
}
