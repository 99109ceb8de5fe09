/**
 * Exactly the bot scopes the code uses (checked against manifest.yml and the code by a test).
 * Replies go through response_url, and views.* and chat.getPermalink need no scope.
 */
export const METHOD_SCOPES = {
  'users.info': ['users:read'],
  'views.publish': [],
  'views.open': [],
  'views.update': [],
  'chat.postMessage': ['chat:write'],
  'chat.getPermalink': [],
  // Public channels need channels:read, private ones groups:read.
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.join': ['channels:join'],
  // The app's own direct messages (preview, notices about a paused or stopped digest).
  'conversations.open': ['im:write'],
} as const satisfies Record<string, readonly string[]>;

/** Web API methods the code calls. */
export const WEB_API_METHODS = Object.keys(METHOD_SCOPES) as (keyof typeof METHOD_SCOPES)[];

/** The bot events the app subscribes to (also checked against manifest.yml), with the scopes they need. */
export const EVENT_SCOPES = {
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
  channel_archive: ['channels:read'],
  group_archive: ['groups:read'],
} as const satisfies Record<string, readonly string[]>;

export const BOT_EVENTS = Object.keys(EVENT_SCOPES) as (keyof typeof EVENT_SCOPES)[];

/** `commands` for /contacts, and what the methods and events above need. */
export const BOT_SCOPES = [
  ...new Set<string>(['commands', ...Object.values(METHOD_SCOPES).flat(), ...Object.values(EVENT_SCOPES).flat()]),
].sort();
