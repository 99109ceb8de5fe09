import type { Logger, RespondArguments } from '@slack/bolt';
import { buildFetchingMessage, buildSlowMessage } from '../views/error-messages.js';
import type { SlackMessage } from '../views/report-message.js';
import { type Deadlines, RESPONSE_URL_REPLIES } from './deadlines.js';
import { logFailure, type Tell } from './safely.js';

type Respond = (message: RespondArguments) => Promise<unknown>;

/** Where the replies land, which decides what a later one may replace. */
export interface ReplyPlace {
  /** The first reply replaces the message clicked (the person's own private report). */
  readonly replacesClicked: boolean;
  /** A note of ours can be replaced by what follows it (not from a channel message: that would replace the message). */
  readonly notesReplaceable: boolean;
}

export const REPLY_PLACES = {
  /** A slash command: a new private message; later replies replace it. */
  command: { replacesClicked: false, notesReplaceable: true },
  /** A click on the person's own private report: every reply replaces it. */
  ownReport: { replacesClicked: true, notesReplaceable: true },
  /** A click on a message everyone sees, or a share: new private messages only, the clicked message stays. */
  beside: { replacesClicked: false, notesReplaceable: false },
} as const satisfies Record<string, ReplyPlace>;

/**
 * A request's private replies at its response_url, with the person never left staring at
 * nothing: a "Fetching from Tellody…" note when the answer takes more than a moment (where a
 * note can be replaced), an honest "Tellody is slow right now" at the deadline, and the answer
 * replacing either when it comes. A response_url takes 5 replies: they are counted.
 */
export class ProgressReply {
  private sent = 0;
  private showing = false;

  constructor(
    /** Bolt's respond(); missing when a (tampered) request came without a response_url. */
    private readonly respond: Respond | undefined,
    private readonly place: ReplyPlace,
    private readonly deadlines: Deadlines,
    private readonly logger: Logger,
  ) {}

  /** A private message, replacing the clicked message or our own note where that is allowed. */
  async send(message: SlackMessage): Promise<void> {
    const replace = this.place.replacesClicked || (this.showing && this.place.notesReplaceable);
    await this.post({ response_type: 'ephemeral', replace_original: replace, ...message });
    this.showing = true;
  }

  /** Any other reply (a share in the channel, removing the private copy), counted like the rest. */
  async post(args: RespondArguments): Promise<void> {
    if (!this.respond) {
      this.logger.warn('a reply was dropped: the request came without a response_url');
      return;
    }
    if (this.sent >= RESPONSE_URL_REPLIES) {
      this.logger.warn(`a reply was dropped: its response_url takes ${RESPONSE_URL_REPLIES} replies`);
      return;
    }
    this.sent++;
    await this.respond(args);
  }

  /** For safely(): what went wrong replaces our note too. */
  readonly tell: Tell = ({ response_type: _, replace_original: __, ...message }) => this.send(message);

  /**
   * Waits for `work`, sending the notes as its deadlines pass (see afterDeadlines). Resolves with
   * its result and whether the person was told Tellody is slow; the answer that follows replaces
   * the notes where they can be replaced.
   */
  within<T>(work: Promise<T>): Promise<{ value: T; late: boolean }> {
    return afterDeadlines(work, this.deadlines, this.logger, {
      ...(this.place.notesReplaceable ? { fetching: () => this.send(buildFetchingMessage()) } : {}),
      slow: () => this.send(buildSlowMessage()),
    });
  }
}

export interface Notes {
  /** After `fetchingNoticeMs` without a result: "Fetching from Tellody…". */
  readonly fetching?: () => Promise<void>;
  /** After `answerMs` without a result: "Tellody is slow right now". */
  readonly slow: () => Promise<void>;
}

/**
 * Waits for `work`, showing the notes as the deadlines pass without a result. A note that fails
 * is logged, never the work's failure. Resolves (or rejects) with the work once every note
 * started is delivered, so what the caller shows next comes after them; `late` says whether the
 * slow note was due.
 */
export async function afterDeadlines<T>(
  work: Promise<T>,
  deadlines: Deadlines,
  logger: Logger,
  notes: Notes,
): Promise<{ value: T; late: boolean }> {
  let late = false;
  let delivered = Promise.resolve();
  const at = (ms: number, show: () => Promise<void>, mark = () => {}) =>
    // Cleared the moment the work settles, so a note never shows after its answer.
    setTimeout(() => {
      mark();
      delivered = delivered.then(show).catch((error: unknown) => logFailure(logger, 'a progress note', error));
    }, ms);
  const timers = [
    ...(notes.fetching ? [at(deadlines.fetchingNoticeMs, notes.fetching)] : []),
    at(deadlines.answerMs, notes.slow, () => {
      late = true;
    }),
  ];
  try {
    const value = await work;
    return { value, late };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    await delivered;
  }
}
