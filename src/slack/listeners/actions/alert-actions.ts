import type { BlockAction } from '@slack/bolt';
import { todayAt } from '../../../alerts/local-hours.js';
import { type Period, resolvePeriod, unlessPeriodError } from '../../../period/index.js';
import { ALERT_MEASURES, type AlertMeasure } from '../../../store/alert-settings.js';
import { buildMutedNote } from '../../../views/alert-message.js';
import { buildAlertsModal } from '../../../views/alerts-modal.js';
import { MEASURE_NAMES } from '../../../views/format.js';
import type { ActionArgs } from '../../action-args.js';
import type { AppParts } from '../../app-parts.js';
import { openWorkspaceForm } from '../../open-modal.js';
import { ProgressReply, REPLY_PLACES } from '../../progress-reply.js';
import { logFailure, safely, workspaceOf } from '../../safely.js';
import { loadWorkspace, sourceOf } from '../../workspace.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const stringOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

const buttonValue = (action: BlockAction['actions'][number]) => (action.type === 'button' ? (action.value ?? '') : '');

/**
 * "Set up / Edit alerts" (Home tab, and the notice paused alerts send): a placeholder straight
 * after ack(), the form once the settings are read. First set-up: opt-outs and new contacts, in
 * the digest's channel, normal sensitivity, no quiet hours.
 */
export function openAlertSettings(deps: AppParts) {
  return openWorkspaceForm(deps, { what: 'open alert settings', title: 'Same-day alerts' }, async (workspace) => {
    const [settings, digest] = await Promise.all([
      deps.alerts.settings(workspace.id),
      deps.digests.schedule(workspace.id),
    ]);
    return buildAlertsModal({
      measures: settings?.measures ?? { contactsBlocked: true, contactsAdded: true, contactsServed: false },
      channelId: settings?.channelId ?? digest?.channelId,
      sensitivity: settings?.sensitivity ?? 'normal',
      quietHours: settings?.quietHours,
      zone: workspace.settings.zone,
      now: deps.now(),
    });
  });
}

/**
 * "See today by hour" on an alert: the day it is about, by hour, answered to the clicker alone
 * (the alert in the channel never changes). A value that is not a day shows today.
 */
export function seeAlertDay(deps: AppParts) {
  return async ({ ack, action, respond, context, logger }: ActionArgs) => {
    await ack();
    // Beside a message everyone sees: new private replies only, with notes if Tellody is slow.
    const reply = new ProgressReply(respond, REPLY_PLACES.beside, deps.deadlines, logger);
    await safely(logger, 'alert: today by hour', reply.tell, async () => {
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const settings = { ...workspace.settings, now: deps.now() };
      const day = buttonValue(action);
      const period: Period =
        (DAY.test(day) ? unlessPeriodError(() => resolvePeriod(`${day} by hour`, settings)) : null) ??
        resolvePeriod('today', settings);
      const { value } = await reply.within(
        deps.reports.message(workspace.id, sourceOf(deps, workspace), period, { shareable: true }),
      );
      await reply.send(value);
    });
  };
}

function muteTarget(value: string): { day: string; measure: AlertMeasure } | null {
  const [day = '', measure = ''] = value.split('|');
  return DAY.test(day) && (ALERT_MEASURES as readonly string[]).includes(measure)
    ? { day, measure: measure as AlertMeasure }
    : null;
}

/**
 * "Mute for today" on an alert: no more alerts of that measure until the workspace's midnight.
 * Anyone who sees the alert may mute it; a reply in its thread says who did, so the channel knows
 * why none follow. The clicker is answered privately.
 */
export function muteAlert(deps: AppParts) {
  return async ({ ack, action, body, respond, client, context, logger }: ActionArgs) => {
    await ack();
    const reply = new ProgressReply(respond, REPLY_PLACES.beside, deps.deadlines, logger);
    await safely(logger, 'alert: mute', reply.tell, async () => {
      const target = muteTarget(buttonValue(action));
      const workspace = await loadWorkspace(deps, workspaceOf(context));
      const today = todayAt(deps.now(), workspace.settings.zone).date;
      const answer = (text: string) => reply.post({ response_type: 'ephemeral', replace_original: false, text });
      if (!target) return void (await answer('That button no longer says what to mute.'));
      if (target.day !== today)
        return void (await answer(`That alert was about ${target.day}: there is nothing left of that day to mute.`));
      await deps.alerts.mute(workspace.id, target.day, target.measure);
      const name = MEASURE_NAMES[target.measure].toLowerCase();
      await answer(`Muted: no more alerts about ${name} today. They come back tomorrow.`);
      // The alert clicked: its channel and timestamp, as the click's container names them.
      const channel = stringOf(body.container?.channel_id) ?? body.channel?.id;
      const thread = stringOf(body.container?.message_ts) ?? body.message?.ts;
      if (!channel || !thread) return;
      const note = buildMutedNote({ measure: target.measure, userId: body.user.id });
      await client.chat
        .postMessage({ channel, thread_ts: thread, text: note.text, blocks: note.blocks })
        .catch((error: unknown) => logFailure(logger, 'alert: mute note', error));
    });
  };
}
