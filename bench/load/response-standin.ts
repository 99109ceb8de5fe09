/**
 * The bench's Slack: answers response_url posts (and `auth.test`, and QuickChart's short-URL
 * `POST /chart/create`, so nothing leaves the machine) at once and counts them, in its
 * own process so it takes no time from the load generator's event loop. Started by the bench with
 * `node --import tsx`; prints `listening <port>` when ready.
 *
 * Its own control routes: `GET /stats` → `{ posts, answered, bytes, lastPostAt }` (answered: how many
 * distinct response_urls were posted to, so a note and the answer that replaces it count once;
 * lastPostAt from Date.now()),
 * `POST /reset`, `GET /wait/<id>` → answers when a post to `/respond/<id>` has arrived (cold runs time
 * each answer with it), `GET /last` → the body of the latest post.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

let posts = 0;
let bytes = 0;
let lastPostAt = 0;
let last = '';
const answered = new Set<string>();
const waiting = new Map<string, ServerResponse>();
const arrived = new Set<string>();

const json = (res: ServerResponse, value: unknown) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'POST') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (url.startsWith('/respond/')) {
        posts++;
        bytes += Buffer.byteLength(body);
        lastPostAt = Date.now();
        last = body;
        const id = url.slice('/respond/'.length);
        answered.add(id);
        const waiter = waiting.get(id);
        if (waiter) {
          waiting.delete(id);
          json(waiter, { id });
        } else arrived.add(id);
        res.writeHead(200).end('ok');
      } else if (url.startsWith('/chart/create')) {
        json(res, { success: true, url: 'https://quickchart.io/chart/render/sf-bench-short-url' });
      } else if (url.startsWith('/api/')) {
        json(res, { ok: true, team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT', url: 'https://t1.slack.com/' });
      } else if (url === '/reset') {
        posts = 0;
        bytes = 0;
        lastPostAt = 0;
        arrived.clear();
        answered.clear();
        json(res, { ok: true });
      } else res.writeHead(404).end();
    });
    return;
  }
  if (url === '/stats') return json(res, { posts, answered: answered.size, bytes, lastPostAt });
  if (url === '/last') return res.writeHead(200, { 'content-type': 'application/json' }).end(last);
  if (url.startsWith('/wait/')) {
    const id = url.slice('/wait/'.length);
    if (arrived.delete(id)) return json(res, { id });
    waiting.set(id, res);
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
