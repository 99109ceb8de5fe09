import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GuardOptions, RequestGuard } from '../../src/slack/receiver/request-guard.js';

/**
 * The request guard alone on a real HTTP server, for what the whole app cannot be given: a clock
 * of its own, a store that fails. An admitted request is answered 200 "admitted" (where Bolt
 * would take over); a refused one as the guard answered it.
 */
export async function startGuardServer(options: GuardOptions) {
  const guard = new RequestGuard(options);
  const server = createServer((req, res) => {
    guard
      .admit(req, res)
      .then((admitted) => {
        if (admitted) res.writeHead(200).end('admitted');
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
