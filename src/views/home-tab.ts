import type { HomeView, KnownBlock } from '@slack/types';
import type { UserInfo } from '../tellody/tellody-types.js';
import { actions, button, context, fields, header, section } from './blocks.js';
import { count, escapeText, weekdayName } from './format.js';
import { ACTIONS, HOME_QUICK_REPORTS } from './ids.js';
import type { SlackMessage } from './report-message.js';

export type TellodyConnection =
  | { readonly state: 'connected'; readonly account: UserInfo }
  | { readonly state: 'not-connected' }
  | { readonly state: 'failing'; readonly problem: string }
  /** Tellody has not answered yet (the tab is shown while it is asked). */
  | { readonly state: 'checking' };

export interface HomeTabOptions {
  /** The report on show (this week so far, or the quick report picked), or why there is none. */
  readonly report: SlackMessage | null;
  readonly connection: TellodyConnection;
  readonly zone: string;
  readonly weekStart: number;
  /** Whether this person may change settings (workspace admins, owners, the installer). */
  readonly canEdit: boolean;
  /** The weekly digest's section (views/digest-section.ts), shown before the settings. */
  readonly digest?: readonly KnownBlock[] | undefined;
  /** The same-day alerts' section (views/alerts-section.ts), after the digest's. */
  readonly alerts?: readonly KnownBlock[] | undefined;
}

const QUICK_LABELS: Record<keyof typeof HOME_QUICK_REPORTS, string> = {
  today: 'Today',
  this_week: 'This week',
  last_week: 'Last week',
  this_month: 'This month',
};

function quickButtons(): KnownBlock {
  return actions(
    Object.keys(HOME_QUICK_REPORTS).map((key) =>
      button({ text: QUICK_LABELS[key as keyof typeof HOME_QUICK_REPORTS], actionId: `${ACTIONS.homeQuick}${key}` }),
    ),
    'home_quick',
  );
}

function connectionBlocks(connection: TellodyConnection, canEdit: boolean): KnownBlock[] {
  if (connection.state === 'connected') {
    const credits = connection.account.creditsAvailable;
    const balance = credits === null ? '' : ` · ${count(credits)} credits available`;
    return [
      section(`*Tellody:* connected as \`${escapeText(connection.account.username)}\`${balance}`, 'home_connection'),
    ];
  }
  if (connection.state === 'checking') return [section('*Tellody:* waiting for Tellody…', 'home_connection')];
  const text =
    connection.state === 'not-connected'
      ? '*Tellody:* not connected yet — reports need a Tellody account.'
      : `*Tellody:* ${escapeText(connection.problem)}`;
  const blocks: KnownBlock[] = [section(text, 'home_connection')];
  if (canEdit)
    blocks.push(
      actions(
        [button({ text: 'Connect Tellody', actionId: ACTIONS.connectTellody, style: 'primary' })],
        'home_connect',
      ),
    );
  return blocks;
}

function settingsBlocks(options: HomeTabOptions): KnownBlock[] {
  const { connection } = options;
  const account =
    connection.state === 'connected'
      ? `\`${escapeText(connection.account.username)}\``
      : connection.state === 'checking'
        ? '…'
        : 'none';
  const blocks: KnownBlock[] = [
    header('Settings', 'home_settings_header'),
    fields(
      [
        `*Weeks start on*\n${weekdayName(options.weekStart)}`,
        `*Report time zone*\n${options.zone}`,
        `*Tellody account*\n${account}`,
      ],
      'home_settings',
    ),
  ];
  if (options.canEdit)
    blocks.push(actions([button({ text: 'Edit settings', actionId: ACTIONS.openSettings })], 'home_settings_actions'));
  else
    blocks.push(
      context(
        ['Only workspace admins and owners, and the person who installed Contacts, can change these.'],
        'home_settings_note',
      ),
    );
  return blocks;
}

/** The Home tab: a live report with quick periods, the Tellody connection, and the workspace's settings. */
export function buildHomeTab(options: HomeTabOptions): HomeView {
  const blocks: KnownBlock[] = [header('Contacts', 'home_header'), quickButtons()];
  if (options.report) blocks.push(...options.report.blocks);
  blocks.push(
    { type: 'divider', block_id: 'home_divider' },
    ...connectionBlocks(options.connection, options.canEdit),
    ...(options.digest ?? []),
    ...(options.alerts ?? []),
    ...settingsBlocks(options),
  );
  return { type: 'home', blocks };
}
