import WebSocket from 'ws';

/**
 * A child's V8, reached over its inspector (`node --inspect=127.0.0.1:0`, which prints where it
 * listens): a full garbage collection on demand and the heap in use after it, so a soak can tell
 * memory that is held from garbage V8 has not yet collected.
 */
export interface Inspector {
  /** Collects all garbage, then the JS heap in use, MiB. */
  heapAfterGc(): Promise<number>;
  close(): void;
}

export function inspectorUrl(stderr: string): string | null {
  return stderr.match(/Debugger listening on (ws:\/\/\S+)/)?.[1] ?? null;
}

export async function connectInspector(url: string): Promise<Inspector> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let id = 0;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const callId = ++id;
      pending.set(callId, resolve);
      socket.send(JSON.stringify({ id: callId, method }));
    });
  return {
    async heapAfterGc() {
      await call('HeapProfiler.collectGarbage');
      const usage = await call('Runtime.getHeapUsage');
      return Number(usage.usedSize ?? 0) / 2 ** 20;
    },
    close: () => socket.close(),
  };
}
