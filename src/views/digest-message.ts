import type { KnownBlock } from '@slack/types';
import type { Report } from '../report/report-types.js';
import { context } from './blocks.js';
import type { ChartImage } from './chart.js';
import { appHomeLink, slotPhrase } from './digest-format.js';
import { DIGEST_BLOCKS } from './ids.js';
import { buildReportMessage, type SlackMessage } from './report-message.js';

export interface DigestMessageOptions {
  readonly report: Report;
  readonly chart: ChartImage;
  readonly now: number;
  /** When it goes out, for the intro line ("Mondays at 09:00 EET"). */
  readonly slot: { readonly day: number; readonly time: string };
  /** For the "Open Contacts" link to the app's Home tab. */
  readonly teamId: string;
  readonly appId: string;
}

/**
 * The weekly digest: the same report view as `/contacts last week`, said to be the digest and
 * with a way into the app. No Share button (it is already in the channel); its other buttons
 * answer whoever clicks, privately.
 */
export function buildDigestMessage(options: DigestMessageOptions): SlackMessage {
  const report = buildReportMessage({
    report: options.report,
    chart: options.chart,
    now: options.now,
    shareable: false,
  });
  const when = slotPhrase(options.slot, options.report.period.zone, options.now);
  const blocks: KnownBlock[] = [
    context([`:calendar: *Weekly digest* from Contacts · ${when}`], DIGEST_BLOCKS.intro),
    ...report.blocks,
    context(
      [`<${appHomeLink(options.teamId, options.appId)}|Open Contacts> for any other period, or type \`/contacts\`.`],
      DIGEST_BLOCKS.link,
    ),
  ];
  return { text: `Weekly digest: ${report.text}`, blocks };
}
