import type { KnownBlock, ModalView } from '@slack/types';
import { plain, section } from './blocks.js';
import { escapeText } from './format.js';

export interface ModalNoticeOptions {
  /** The modal's title (at most 24 characters). */
  readonly title: string;
  /** What is happening or happened, in mrkdwn. */
  readonly text: string;
}

/** A modal that only says something ("Checking the Tellody login…", "Settings saved."): no inputs, just Close. */
export function buildModalNotice(options: ModalNoticeOptions): ModalView {
  return {
    type: 'modal',
    title: plain(options.title),
    close: plain('Close'),
    blocks: [section(options.text, 'modal_notice')],
  };
}

/** A form's problems above it, as Slack cannot mark the fields themselves once the submission was answered. */
export function problemBlocks(problems: readonly string[] | undefined): KnownBlock[] {
  if (!problems || problems.length === 0) return [];
  return [section(`:warning: ${escapeText(problems.join(' '))}`, 'form_problems')];
}
