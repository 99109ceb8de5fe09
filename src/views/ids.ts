/**
 * Every id Slack sends back to us, in one place: views build with them, listeners register them,
 * tests and the manifest check read them. Renaming one here renames it everywhere.
 */
export const COMMAND = '/contacts';

export const ACTIONS = {
  previous: 'contacts_previous',
  next: 'contacts_next',
  granularity: 'contacts_granularity',
  share: 'contacts_share',
  homeQuick: 'contacts_home_quick',
  homeConnect: 'contacts_home_connect',
  homeWeekStart: 'contacts_home_week_start',
  homeTimezone: 'contacts_home_timezone',
  homeCredentials: 'contacts_home_credentials',
} as const;

export const BLOCKS = {
  header: 'report_header',
  measures: 'report_measures',
  rates: 'report_rates',
  chart: 'report_chart',
  context: 'report_context',
  actions: 'report_actions',
} as const;
