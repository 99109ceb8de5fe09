import type { App } from '@slack/bolt';
import { ACTIONS, ALERT_ACTIONS, CALLBACKS, COMMAND, DIGEST_ACTIONS } from '../../views/ids.js';
import type { AppParts } from '../app-parts.js';
import { muteAlert, openAlertSettings, seeAlertDay } from './actions/alert-actions.js';
import { openDigestSettings, previewDigestAction, sendDigestNowAction } from './actions/digest-actions.js';
import { homeQuickReport, openSettings } from './actions/home-actions.js';
import { shareReport, stepReport } from './actions/report-actions.js';
import { contactsCommand } from './commands/contacts-command.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { channelArchived } from './events/channel-archive.js';
import { appUninstalled, tokensRevoked } from './events/uninstall.js';
import { alertsSubmission } from './submissions/alerts-submission.js';
import { digestSubmission } from './submissions/digest-submission.js';
import { settingsSubmission } from './submissions/settings-submission.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Which handler answers which id: the whole surface of the app on one screen. */
export function registerListeners(app: App, deps: AppParts): void {
  app.command(COMMAND, contactsCommand(deps));
  app.action(ACTIONS.previous, stepReport(deps));
  app.action(ACTIONS.next, stepReport(deps));
  app.action(ACTIONS.granularity, stepReport(deps));
  app.action(ACTIONS.share, shareReport(deps));
  app.action(new RegExp(`^${escapeRegExp(ACTIONS.homeQuick)}`), homeQuickReport(deps));
  app.action(ACTIONS.openSettings, openSettings(deps));
  app.action(ACTIONS.connectTellody, openSettings(deps));
  app.view(CALLBACKS.settings, settingsSubmission(deps));
  app.action(DIGEST_ACTIONS.settings, openDigestSettings(deps));
  app.action(DIGEST_ACTIONS.sendNow, sendDigestNowAction(deps));
  app.action(DIGEST_ACTIONS.preview, previewDigestAction(deps));
  app.view(CALLBACKS.digest, digestSubmission(deps));
  app.action(ALERT_ACTIONS.settings, openAlertSettings(deps));
  app.action(ALERT_ACTIONS.today, seeAlertDay(deps));
  app.action(ALERT_ACTIONS.mute, muteAlert(deps));
  app.view(CALLBACKS.alerts, alertsSubmission(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', tokensRevoked(deps));
  app.event('channel_archive', channelArchived(deps));
  app.event('group_archive', channelArchived(deps));
}
