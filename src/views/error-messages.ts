import type { ReportFailure } from '../report/report-types.js';
import { context, section } from './blocks.js';
import { escapeText } from './format.js';
import type { SlackMessage } from './report-message.js';

function message(text: string, hint: string): SlackMessage {
  return { text: `${text} ${hint}`, blocks: [section(`:warning: ${text}`), context([hint])] };
}

/** The saved login exists but cannot be opened: said the same way in messages, Home and the digest's notices. */
export const LOGIN_UNREADABLE =
  'This workspace’s saved Tellody login can no longer be read (the app’s encryption key was changed), so there is no report.';

/**
 * What people see when Tellody fails: what happened and what to do next, in plain words. The
 * operator detail stays in the logs.
 */
export function buildFailureMessage(failure: ReportFailure): SlackMessage {
  switch (failure.kind) {
    case 'tellody-credentials':
      return message(
        `Tellody refused this workspace’s login (“${escapeText(failure.detail)}”).`,
        'A workspace admin can enter the right Tellody username and password in the Contacts app’s Home tab, under Settings.',
      );
    case 'tellody-unavailable':
      return message(
        'Tellody isn’t answering right now, so there is no report this time.',
        'Nothing was changed. Please try again in a few minutes.',
      );
    case 'tellody-rejected':
      return message(
        'Tellody turned down the request for this report.',
        'This usually means the workspace’s report time zone differs from the Tellody account’s: an admin can check it in the Contacts app’s Home tab, under Settings.',
      );
    case 'tellody-garbled':
      return message(
        'Tellody sent back something I couldn’t read.',
        'Please try again in a few minutes; if it keeps happening, tell your Slack admin.',
      );
    case 'login-unreadable':
      return message(
        LOGIN_UNREADABLE,
        'A workspace admin can enter it again in the Contacts app’s Home tab, under Settings. Nothing else was changed.',
      );
  }
}

/** Tellody is not set up for this workspace yet. */
export function buildNotConnectedMessage(): SlackMessage {
  return message(
    'This workspace isn’t connected to Tellody yet.',
    'A workspace admin can connect it in the Contacts app’s Home tab, under Settings.',
  );
}

/** Something of ours failed: say so, never a stack trace. */
export function buildInternalErrorMessage(): SlackMessage {
  return message(
    'Something went wrong on our side while making that report.',
    'Nothing was changed. Please try again.',
  );
}

/**
 * The app's own storage did not answer (Redis restarting, a failover): a known failure that passes
 * by itself, so the person is told so and asked to try again, not that something broke.
 */
export function buildStoreUnavailableMessage(): SlackMessage {
  return message(
    'Contacts can’t reach its storage right now (it is probably restarting), so that could not be done.',
    'Nothing was changed. Please try again in a minute.',
  );
}

/** Said at once, instead of a report, when more people are asking than the app can answer just now. */
export function buildBusyMessage(): SlackMessage {
  return message(
    'Lots of reports are being asked for right now, so this one wasn’t made.',
    'Nothing was changed. Please try again in a moment.',
  );
}

/** Shown when a report takes more than a moment: the report replaces it. */
export function buildFetchingMessage(): SlackMessage {
  return { text: 'Fetching from Tellody…', blocks: [context([':hourglass_flowing_sand: Fetching from Tellody…'])] };
}

/** Shown when Tellody has not answered in time: the report still replaces it if it comes. */
export function buildSlowMessage(): SlackMessage {
  return message(
    'Tellody is slow right now — try again in a minute.',
    'If the report still comes, it will show up here.',
  );
}
