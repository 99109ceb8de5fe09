/**
 * Exactly the bot scopes the code uses (checked against manifest.yml by a test):
 * `commands` for /contacts, `users:read` for users.info (admin check, the installer's zone).
 * Replies go through response_url and views.* need no scope.
 */
export const BOT_SCOPES = ['commands', 'users:read'] as const;

/** The bot events the app subscribes to (also checked against manifest.yml). */
export const BOT_EVENTS = ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] as const;

/** Web API methods the code calls. */
export const WEB_API_METHODS = ['users.info', 'views.publish', 'views.open', 'views.update'] as const;
