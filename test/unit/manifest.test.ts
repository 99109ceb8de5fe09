import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_EVENTS, BOT_SCOPES, WEB_API_METHODS } from '../../src/slack/scopes.js';
import { COMMAND } from '../../src/views/ids.js';

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8'));
const schema = JSON.parse(
  readFileSync(new URL('../fixtures/slack/manifest.schema.1.0.0.json', import.meta.url), 'utf8'),
);
const source = (path: string) => readFileSync(new URL(`../../src/${path}`, import.meta.url), 'utf8');
/** Every TypeScript file under src/, relative to it. */
const sources = (readdirSync(new URL('../../src/', import.meta.url), { recursive: true }) as string[]).filter((f) =>
  f.endsWith('.ts'),
);

describe('manifest.yml', () => {
  it('is valid against Slack’s manifest schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares the command the code registers, with a description and usage hint', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(commands[0].description.length).toBeGreaterThan(10);
    expect(commands[0].usage_hint).toContain('last week');
    expect(source('slack/listeners/register-listeners.ts')).toContain('app.command(COMMAND');
  });

  it('asks for exactly the bot scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    // Every Web API method called anywhere in src/ is one scopes.ts accounts for (and no more).
    const calls = new Set(
      sources.flatMap((file) =>
        [...source(file).matchAll(/client\.([a-z]+)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`),
      ),
    );
    expect([...calls].sort()).toEqual([...WEB_API_METHODS].sort());
    expect(BOT_SCOPES).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'channels:join', 'channels:read', 'groups:read', 'im:write']),
    );
  });

  it('turns on the Messages tab, read-only, for the app’s direct messages', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(true);
  });

  it('subscribes to exactly the events the code handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    const handled = [...source('slack/listeners/register-listeners.ts').matchAll(/app\.event\('([a-z_]+)'/g)].map(
      (m) => m[1],
    );
    expect(handled.sort()).toEqual([...BOT_EVENTS].sort());
  });

  it('turns on the Home tab and interactivity, pointed at /slack/events', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      manifest.features.slash_commands[0].url,
    ]) {
      expect(new URL(url).pathname).toBe('/slack/events');
    }
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe('/slack/oauth_redirect');
  });
});
