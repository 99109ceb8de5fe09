/**
 * Every id Slack sends back to us, in one place: views build with them, listeners register them,
 * and the manifest is checked against them. Renaming one here renames it everywhere.
 */
export const COMMAND = '/contacts';

export const ACTIONS = {
  previous: 'contacts_previous',
  next: 'contacts_next',
  granularity: 'contacts_granularity',
  share: 'contacts_share',
  /** Prefix: each quick button has its own id (`contacts_home_quick_today`…), unique within its block. */
  homeQuick: 'contacts_home_quick_',
  openSettings: 'contacts_open_settings',
  /** Opens the same settings modal, from the "not connected" notice. */
  connectTellody: 'contacts_connect_tellody',
} as const;

/** The quick reports on the Home tab: button id suffix → phrase. */
export const HOME_QUICK_REPORTS = {
  today: 'today',
  this_week: 'this week',
  last_week: 'last week',
  this_month: 'this month',
} as const;

export const CALLBACKS = {
  settings: 'contacts_settings',
  digest: 'contacts_digest',
  alerts: 'contacts_alerts',
} as const;

/** The digest's buttons (Home tab; "Edit digest" also in the notices admins get). Stable: see README. */
export const DIGEST_ACTIONS = {
  settings: 'contacts_digest_settings',
  sendNow: 'contacts_digest_send_now',
  preview: 'contacts_digest_preview',
} as const;

/** The digest modal's inputs, block id / action id. Stable: see README. */
export const DIGEST_FIELDS = {
  channel: { block: 'digest_channel', action: 'channel' },
  day: { block: 'digest_day', action: 'day' },
  time: { block: 'digest_time', action: 'time' },
  enabled: { block: 'digest_enabled', action: 'enabled' },
} as const;

/** The checkbox option that means "on". */
export const DIGEST_ENABLED_VALUE = 'on';

export const DIGEST_BLOCKS = {
  intro: 'digest_intro',
  link: 'digest_link',
} as const;

/**
 * Same-day alerts: the Home tab's button (also on the paused notice) and the two buttons on every
 * alert in a channel. Stable: see README.
 */
export const ALERT_ACTIONS = {
  settings: 'contacts_alerts_settings',
  today: 'contacts_alerts_today',
  mute: 'contacts_alerts_mute',
} as const;

/** The alerts modal's inputs, block id / action id. Stable: see README. */
export const ALERT_FIELDS = {
  measures: { block: 'alerts_measures', action: 'measures' },
  channel: { block: 'alerts_channel', action: 'channel' },
  sensitivity: { block: 'alerts_sensitivity', action: 'sensitivity' },
  quietFrom: { block: 'alerts_quiet_from', action: 'from' },
  quietTo: { block: 'alerts_quiet_to', action: 'to' },
} as const;

export const ALERT_BLOCKS = {
  summary: 'alert_summary',
  chart: 'alert_chart',
  context: 'alert_context',
  actions: 'alert_actions',
  normal: 'alert_back_to_normal',
  muted: 'alert_muted',
} as const;

/** Blocks and inputs of the settings modal: `response_action: 'errors'` is keyed by these block ids. */
export const SETTINGS_FIELDS = {
  weekStart: 'settings_week_start',
  zone: 'settings_zone',
  username: 'settings_tellody_username',
  password: 'settings_tellody_password',
} as const;

export const BLOCKS = {
  header: 'report_header',
  measures: 'report_measures',
  rates: 'report_rates',
  chart: 'report_chart',
  context: 'report_context',
  actions: 'report_actions',
} as const;
