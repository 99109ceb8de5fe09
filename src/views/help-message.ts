import type { KnownBlock } from '@slack/types';
import { context, header, section } from './blocks.js';
import { escapeText, weekdayName } from './format.js';
import { COMMAND } from './ids.js';
import type { SlackMessage } from './report-message.js';

export const HELP_EXAMPLES = [
  'last week',
  'today',
  'this month by week',
  'yesterday hourly',
  'Nov 3 to Nov 10',
  'last 30 days',
  'Q3 2025',
  'this year so far',
] as const;

export interface HelpOptions {
  readonly zone: string;
  readonly weekStart: number;
  /** Why help is shown instead of a report: the phrase problem, in words (it may quote what the person typed). */
  readonly problem?: string;
}

/** What the command does, eight phrases that work, and the calendar the workspace reports in. */
export function buildHelpMessage(options: HelpOptions): SlackMessage {
  const examples = HELP_EXAMPLES.map((e) => `• \`${COMMAND} ${e}\``).join('\n');
  const calendar = `Reports use *${options.zone}* and weeks start on *${weekdayName(options.weekStart)}* (an admin can change both in the app’s Home tab).`;
  const problem = options.problem === undefined ? undefined : escapeText(options.problem);
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push(section(`:warning: ${problem}`));
  blocks.push(
    header('Contacts for Slack'),
    section(
      `\`${COMMAND} [when]\` shows Tellody’s contact activity — new contacts, new groups, contacts served and opt-outs — for a period, compared with the period before. Only you see it until you share it.`,
    ),
    section(`*Try:*\n${examples}`),
    section(
      'Add `by hour`, `by day`, `by week` or `by month` anywhere to change the granularity. With nothing after the command you get this week.',
    ),
    context([calendar]),
  );
  const text = problem
    ? problem
    : `${COMMAND} shows Tellody contact activity for a period. Try ${COMMAND} ${HELP_EXAMPLES[0]}.`;
  return { text, blocks };
}
