import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Outbound, outboundHttp } from '../../../src/http/outbound.js';

let server: Server;
let base: string;
let connections = 0;
let http: Outbound;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const echo = {
      method: req.method,
      contentType: req.headers['content-type'] ?? null,
      body,
      custom: req.headers['x-custom'] ?? null,
    };
    switch (req.url) {
      case '/echo':
        res.writeHead(200, { 'content-type': 'application/json', 'x-answer': '42' }).end(JSON.stringify(echo));
        return;
      case '/cookies':
        res.writeHead(200, { 'set-cookie': ['a=1; Path=/', 'b=2; HttpOnly'] }).end('');
        return;
      case '/empty':
        res.writeHead(204).end();
        return;
      case '/broken':
        res.writeHead(500).end('it broke');
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
        return;
      case '/moved':
        res.writeHead(302, { location: '/echo' }).end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http = outboundHttp();
});
afterAll(async () => {
  await http.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the one outbound HTTP client answers as fetch does', () => {
  it('posts a JSON string with its headers and hands back status, headers and body', async () => {
    const response = await http.fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },
      body: '{"text":"hi"}',
    });
    expect([response.ok, response.status, response.headers.get('x-answer')]).toEqual([true, 200, '42']);
    expect(await response.json()).toEqual({
      method: 'POST',
      contentType: 'application/json',
      body: '{"text":"hi"}',
      custom: 'yes',
    });
  });

  it('gives a form body the content type fetch gives it', async () => {
    const viaFetch = await (
      await fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ a: '1 2' }) })
    ).json();
    const viaOutbound = await (
      await http.fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ a: '1 2' }) })
    ).json();
    expect(viaOutbound).toEqual(viaFetch);
  });

  it('hands back every Set-Cookie header', async () => {
    const response = await http.fetch(new URL(`${base}/cookies`));
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
  });

  it('answers 204 with no body and 500 as not ok, with the body', async () => {
    const empty = await http.fetch(`${base}/empty`, { method: 'POST', body: 'x' });
    expect([empty.status, empty.ok, await empty.text()]).toEqual([204, true, '']);
    const broken = await http.fetch(`${base}/broken`);
    expect([broken.status, broken.ok, await broken.text()]).toEqual([500, false, 'it broke']);
  });

  it('gives up when the signal says so', async () => {
    const signal = AbortSignal.timeout(50);
    await expect(http.fetch(`${base}/slow`, { signal })).rejects.toThrow();
    expect(signal.aborted).toBe(true);
  });

  it('follows a redirect, or hands it back when told to, or refuses it, as fetch does', async () => {
    const followed = await http.fetch(`${base}/moved`);
    expect(((await followed.json()) as { method: string }).method).toBe('GET');
    const manual = await http.fetch(`${base}/moved`, { redirect: 'manual' });
    expect([manual.status, manual.headers.get('location')]).toEqual([302, '/echo']);
    await expect(http.fetch(`${base}/moved`, { redirect: 'error' })).rejects.toThrow();
  });

  it('sends anything else (a multipart form) through the standard fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    const echo = (await (await http.fetch(`${base}/echo`, { method: 'POST', body: form })).json()) as {
      contentType: string;
      body: string;
    };
    expect(echo.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(echo.body).toContain('hello');
  });

  it('keeps the connection alive between calls', async () => {
    await (await http.fetch(`${base}/echo`)).text();
    const before = connections;
    for (let i = 0; i < 5; i++) await (await http.fetch(`${base}/echo`, { method: 'POST', body: String(i) })).text();
    expect(connections).toBe(before);
  });
});
