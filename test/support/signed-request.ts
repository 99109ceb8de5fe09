import { createHmac } from 'node:crypto';

/** Signs a body exactly as Slack does: v0:timestamp:body, HMAC-SHA256 with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  /** Sign with this secret instead (a mis-signed request). */
  readonly secret?: string;
  /** Leave the signature headers off. */
  readonly unsigned?: boolean;
  /** Abort when the app has not answered within this many ms (Slack gives up after 3000). */
  readonly deadlineMs?: number;
  /** More headers, such as Slack's X-Slack-Retry-Num on a retry. */
  readonly headers?: Record<string, string>;
}

/** POSTs to the app the way Slack would, signed (or deliberately not). */
export async function postToSlackApp(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(options.secret ?? secret, timestamp, body);
  }
  const signal = options.deadlineMs === undefined ? undefined : AbortSignal.timeout(options.deadlineMs);
  const response = await fetch(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
  return { status: response.status, text: await response.text() };
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const payload = (value: unknown) => `payload=${encodeURIComponent(JSON.stringify(value))}`;
