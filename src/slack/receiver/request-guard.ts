import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import type { Claims } from '../../store/claims.js';
import { errorText } from '../../telemetry/error-text.js';
import type { AppLogger } from '../../telemetry/logger.js';
import { checkEnvelope, isSslCheck } from './envelope.js';

/** Bolt's own limit on a request body. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** Slack's rule: a timestamp more than five minutes from now, either way, is refused. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;
/**
 * How long a signature is remembered: a timestamp is good from five minutes before it to five
 * minutes after, so ten minutes from its first sighting covers every moment it could be replayed.
 */
const REPLAY_MEMORY_MS = 2 * TIMESTAMP_WINDOW_SECONDS * 1000;
/** Slack waits 3 s in all: the replay check gets a small part of it. */
const REPLAY_CHECK_TIMEOUT_MS = 500;

export interface GuardOptions {
  readonly signingSecret: string;
  /** Where signatures already seen are claimed: the store, so a replay to another instance is caught too. */
  readonly claims: Claims;
  readonly log: AppLogger;
  /** Told of each request refused here, which no listener will ever count. */
  readonly onRefused?: () => void;
  /** Real time, not the business clock: signatures are about now. */
  readonly now?: () => number;
}

/** A body ready for Bolt: Bolt reuses `rawBody` instead of reading the (already read) stream again. */
export type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

class TooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Only the guard has `res` until it admits a request, and it answers at most once: nothing was sent yet. */
function answer(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/**
 * Checks a request to Slack's endpoint before Bolt sees it: the signature with a timestamp
 * within five minutes either way (Bolt refuses only the past), a signature never seen before
 * (a replay is dropped; Slack's own retries are signed afresh), and a body Bolt can handle
 * (see envelope.ts). Returns the buffered request for Bolt, or null once it has answered.
 */
export class RequestGuard {
  private readonly now: () => number;

  constructor(private readonly options: GuardOptions) {
    this.now = options.now ?? Date.now;
  }

  async admit(req: BufferedRequest, res: ServerResponse): Promise<BufferedRequest | null> {
    const started = performance.now();
    const refuse = (status: number, reason: string) => this.refuse(res, status, reason, started);
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (error) {
      // The rest of the body is never read: the connection cannot carry another request.
      res.shouldKeepAlive = false;
      refuse(error instanceof TooLarge ? 413 : 400, 'the body is too large or could not be read');
      return null;
    }
    const text = raw.toString();
    const contentType = header(req, 'content-type');
    req.rawBody = raw;
    if (isSslCheck(text, contentType)) return req;
    const unsigned = this.signatureProblem(req, text);
    if (unsigned) {
      refuse(401, unsigned);
      return null;
    }
    const verdict = checkEnvelope(text, contentType);
    if (verdict.kind === 'refused') {
      refuse(verdict.status, verdict.reason);
      return null;
    }
    if (!(await this.firstSighting(req))) {
      refuse(401, 'a replay of a request already received');
      return null;
    }
    if (verdict.kind === 'answered') {
      answer(res, verdict.status);
      return null;
    }
    return req;
  }

  /** Why the request is not signed by Slack just now, or null when it is. */
  private signatureProblem(req: IncomingMessage, text: string): string | null {
    const signature = header(req, 'x-slack-signature');
    const timestamp = header(req, 'x-slack-request-timestamp');
    if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return 'missing or malformed signature headers';
    const skew = Number(timestamp) - Math.floor(this.now() / 1000);
    if (Math.abs(skew) > TIMESTAMP_WINDOW_SECONDS) return `timestamp ${skew > 0 ? 'in the future' : 'too old'}`;
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: text,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
        nowMilliseconds: this.now(),
      });
      return null;
    } catch {
      return 'signature mismatch';
    }
  }

  /**
   * Claims the signature in the store; false (after answering) when it was seen before. A store
   * that fails or is slow lets the request through: with the store down nothing can be changed
   * anyway, and the person still gets a kind answer rather than Slack's timeout.
   */
  private async firstSighting(req: IncomingMessage): Promise<boolean> {
    const signature = header(req, 'x-slack-signature') ?? '';
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<'slow'>((resolve) => {
      timer = setTimeout(() => resolve('slow'), REPLAY_CHECK_TIMEOUT_MS);
    });
    try {
      // A claim that fails after `slow` won is no unhandled rejection: the race already handles it.
      const claim = this.options.claims.claim(`slack:signature:${signature}`, 'seen', REPLAY_MEMORY_MS);
      const first = await Promise.race([claim, slow]);
      if (first === false) return false;
      if (first === 'slow') this.options.log.warn('the store did not answer the replay check in time; let through');
    } catch (error) {
      this.options.log.warn(`could not check a Slack request for replay; let through: ${errorText(error)}`);
    } finally {
      clearTimeout(timer);
    }
    return true;
  }

  /** The request's one log line: what it is cannot be trusted, so it has no kind, id or workspace. */
  private refuse(res: ServerResponse, status: number, reason: string, started: number): void {
    const line = { kind: 'unknown', outcome: 'rejected', status, durationMs: Math.round(performance.now() - started) };
    this.options.log.warn(line, `refused a request to the Slack endpoint (${status}): ${reason}`);
    this.options.onRefused?.();
    answer(res, status);
  }
}
