import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for QuickChart's `POST /chart/create`: records what it was sent, answers with a short URL. */
export async function startQuickChartStandIn(options: { fail?: boolean } = {}) {
  const created: { chart: string; width: number; height: number; version?: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/chart/create' || options.fail) {
        res.writeHead(options.fail ? 500 : 404).end('{"success":false}');
        return;
      }
      created.push(JSON.parse(body));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ success: true, url: `https://quickchart.example/chart/render/zf-${created.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    created,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
