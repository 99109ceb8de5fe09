import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('.env.example', () => {
  it('documents every variable the config reads, which are the design’s stable list', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const config = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    // A variable is named once where it is read, and again where the store's URL is chosen.
    const read = [...new Set([...config.matchAll(/^\s{4}([A-Z_]+):/gm)].map((m) => m[1] ?? ''))];
    expect(read.sort()).toEqual(
      [
        'SLACK_SIGNING_SECRET',
        'SLACK_BOT_TOKEN',
        'SLACK_APP_TOKEN',
        'SLACK_CLIENT_ID',
        'SLACK_CLIENT_SECRET',
        'SLACK_STATE_SECRET',
        'SLACK_API_URL',
        'TELLODY_BASE_URL',
        'TELLODY_USERNAME',
        'TELLODY_PASSWORD',
        'DEFAULT_TIMEZONE',
        'DEFAULT_WEEK_START',
        'STORE_URL',
        'REDIS_URL',
        'DYNO',
        'TELLODY_SHARED_LOGIN_WORKSPACES',
        'LOG_FORMAT',
        'METRICS_TOKEN',
        'ENCRYPTION_KEY',
        'ENCRYPTION_KEY_PREVIOUS',
        'QUICKCHART_HOST',
        'PORT',
        'LOG_LEVEL',
        'DIGEST_CONCURRENCY',
      ].sort(),
    );
    for (const name of read) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});

describe('the interfaces page (docs/interfaces.md)', () => {
  const stable = readFileSync(new URL('../../docs/interfaces.md', import.meta.url), 'utf8');

  it('lists every environment variable the config reads among its stable interfaces', () => {
    const config = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    const read = [...config.matchAll(/^\s{4}([A-Z_]+):/gm)].map((m) => m[1] ?? '');
    expect(read.length).toBeGreaterThan(15);
    for (const name of read) expect(stable, name).toContain(`\`${name}\``);
  });

  it('lists every digest id scripts rely on, exactly as the code registers them', async () => {
    const { CALLBACKS, DIGEST_ACTIONS, DIGEST_ENABLED_VALUE, DIGEST_FIELDS } = await import('../../src/views/ids.js');
    const ids = [
      CALLBACKS.digest,
      ...Object.values(DIGEST_ACTIONS),
      ...Object.values(DIGEST_FIELDS).map((f) => `${f.block}\`/\`${f.action}`),
      DIGEST_ENABLED_VALUE,
    ];
    for (const id of ids) expect(stable, id).toContain(id);
  });

  it('lists every alert id scripts rely on, exactly as the code registers them', async () => {
    const { ALERT_ACTIONS, ALERT_FIELDS, CALLBACKS } = await import('../../src/views/ids.js');
    const { ALERT_MEASURES, SENSITIVITIES } = await import('../../src/store/alert-settings.js');
    const ids = [
      CALLBACKS.alerts,
      ...Object.values(ALERT_ACTIONS),
      ...Object.values(ALERT_FIELDS).map((f) => `${f.block}\`/\`${f.action}`),
      ...ALERT_MEASURES,
      ...SENSITIVITIES,
    ];
    for (const id of ids) expect(stable, id).toContain(id);
  });
});
