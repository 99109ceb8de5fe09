import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { noteOutcome } from '../telemetry/outcome.js';
import { escapeText } from '../views/format.js';
import { buildModalNotice } from '../views/modal-notice.js';
import { logFailure } from './safely.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What a submission's checks found: problems for the form (by block id), or what to save. */
export type Checked =
  | {
      readonly errors: Record<string, string>;
      /** The form again with the problems on it, for when Slack can no longer be answered inline. */
      readonly form?: ModalView;
    }
  | {
      readonly save: () => Promise<void>;
      /** After the person was told it was saved (the Home tab republished, say). */
      readonly afterwards: () => Promise<void>;
    };

export interface SubmissionWords {
  /** For the log. */
  readonly what: string;
  /** The modal's title while checking and once saved. */
  readonly title: string;
  /** "Checking the Tellody login…" */
  readonly checking: string;
  /** "Settings saved." */
  readonly saved: string;
  /** The block that carries "something went wrong" when the form is answered inline. */
  readonly fallbackField: string;
}

/** The form's problems, or saved: what is left to do once the person was told. */
type Outcome = Exclude<Checked, { save: unknown }> | { readonly afterwards: () => Promise<void> };

const NOTHING_SAVED = 'Something went wrong on our side; nothing was saved. Please try again.';
const MAYBE_SAVED =
  'Something went wrong on our side while saving: part of it may have been saved. Please open the settings again to check.';
const TOO_LATE = Symbol('too late');

/** The checks, then the save; a failure is told for what it is (before the save, or during it). */
async function checkThenSave(
  check: () => Promise<Checked>,
  words: SubmissionWords,
  args: SubmitArgs,
): Promise<Outcome> {
  let checked: Checked;
  try {
    checked = await check();
  } catch (error) {
    logFailure(args.logger, words.what, error);
    return { errors: { [words.fallbackField]: NOTHING_SAVED } };
  }
  if ('errors' in checked) {
    noteOutcome('refused');
    return checked;
  }
  try {
    await checked.save();
  } catch (error) {
    logFailure(args.logger, `${words.what} (saving)`, error);
    return { errors: { [words.fallbackField]: MAYBE_SAVED } };
  }
  return { afterwards: checked.afterwards };
}

/**
 * Answers a modal submission within Slack's 3 seconds whatever its checks take (a Tellody login,
 * a Slack lookup), and tells the person only what happened. Checks and save get `budgetMs`:
 * done by then, Slack is answered inline — the form's errors, or the modal closes. Not done, the
 * modal turns into "checking…" at once, and when the work ends into "saved" or into the form
 * again with its problems. Nothing is saved unless the checks passed; "saved" is said only after.
 */
export async function answerSubmission(
  args: SubmitArgs,
  words: SubmissionWords & { readonly budgetMs: number },
  check: () => Promise<Checked>,
): Promise<void> {
  const outcome = checkThenSave(check, words, args);
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<typeof TOO_LATE>((resolve) => {
    timer = setTimeout(() => resolve(TOO_LATE), words.budgetMs);
  });
  const first = await Promise.race([outcome, tooLate]);
  clearTimeout(timer);
  if (first !== TOO_LATE) {
    if ('errors' in first) await args.ack({ response_action: 'errors', errors: first.errors });
    else await args.ack();
    await after(first, words, args);
    return;
  }
  await args.ack({ response_action: 'update', view: buildModalNotice({ title: words.title, text: words.checking }) });
  const done = await outcome;
  const view =
    'errors' in done
      ? (done.form ??
        buildModalNotice({ title: words.title, text: `:warning: ${escapeText(Object.values(done.errors).join(' '))}` }))
      : buildModalNotice({ title: words.title, text: `:white_check_mark: ${words.saved}` });
  try {
    await args.client.views.update({ view_id: args.body.view.id, view });
  } catch (error) {
    logFailure(args.logger, `${words.what} (telling the person)`, error);
  }
  await after(done, words, args);
}

async function after(outcome: Outcome, words: SubmissionWords, args: SubmitArgs): Promise<void> {
  if ('errors' in outcome) return;
  try {
    await outcome.afterwards();
  } catch (error) {
    logFailure(args.logger, `${words.what} (afterwards)`, error);
  }
}
