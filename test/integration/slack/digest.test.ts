import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS, DIGEST_ACTIONS } from '../../../src/views/ids.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { latestHome as latestHomeOf } from '../../support/home-tab.js';
import { until } from '../../support/scheduler-instances.js';
import { type AppHarness, digestValues, slackAppHarness } from '../../support/slack-app-harness.js';

let h: AppHarness;
beforeAll(async () => {
  h = await slackAppHarness({
    now: '2026-11-27T10:00:00Z', // a Friday
    env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo' },
    channels: {
      CMKT: { name: 'marketing', is_member: false },
      CSECRET: { name: 'secret', is_private: true, is_member: false },
      COLD: { name: 'old', is_archived: true },
    },
  });
});
afterAll(() => h.close());

const home = { container: { type: 'view', view_id: 'V1' } };
const adminAtHome = { user: 'UADMIN', ...home };

const latestHome = (before: number) => latestHomeOf(h, before);

describe('setting up the weekly digest', () => {
  it('shows a read-only section to people who are not admins', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UUSER', channel: 'D1', tab: 'home', event_ts: '1.1' });
    const { text } = await latestHome(before);
    expect(text).toContain('Weekly digest');
    expect(text).toContain('Not set up');
    expect(text).not.toContain(DIGEST_ACTIONS.settings);
    expect(text).toContain('can change the digest');
  });

  it('opens the modal with the stable ids and first-time defaults: on, Monday 09:00', async () => {
    const before = h.slack.callsTo('views.update').length;
    await h.click({ type: 'button', action_id: DIGEST_ACTIONS.settings }, adminAtHome);
    const [update] = (await h.slack.waitForCalls('views.update', before + 1)).slice(-1);
    const view = update?.args.view as { callback_id: string; blocks: Record<string, unknown>[] };
    expectValidView(view);
    expect(view.callback_id).toBe(CALLBACKS.digest);
    const inputs = Object.fromEntries(
      view.blocks.map((b) => [b.block_id, b.element as { action_id: string; type: string } & Record<string, unknown>]),
    );
    expect(inputs.digest_channel).toMatchObject({ action_id: 'channel', type: 'conversations_select' });
    expect(inputs.digest_day).toMatchObject({
      action_id: 'day',
      type: 'static_select',
      initial_option: { value: 'monday' },
    });
    expect(inputs.digest_time).toMatchObject({ action_id: 'time', type: 'timepicker', initial_time: '09:00' });
    expect(inputs.digest_enabled).toMatchObject({ action_id: 'enabled', type: 'checkboxes' });
    expect((inputs.digest_enabled?.initial_options as { value: string }[] | undefined)?.[0]?.value).toBe('on');
    expect(JSON.stringify(view)).toContain('Europe/Athens (EET)');
  });

  it('refuses a private channel the bot is not in, and saves nothing', async () => {
    const result = await h.submit(digestValues({ channel: 'CSECRET' }), { user: 'UADMIN' }, CALLBACKS.digest);
    expect(JSON.parse(result.text)).toMatchObject({
      response_action: 'errors',
      errors: { digest_channel: expect.stringContaining('Invite @contacts to #secret first') },
    });
    expect(await h.deps.digests.schedule('T1')).toBeUndefined();
  });

  it('refuses an archived channel and someone who is not an admin', async () => {
    const archived = await h.submit(digestValues({ channel: 'COLD' }), { user: 'UADMIN' }, CALLBACKS.digest);
    expect(JSON.parse(archived.text).errors.digest_channel).toContain('#old is archived');
    const notAdmin = await h.submit(digestValues({ channel: 'CMKT' }), { user: 'UUSER' }, CALLBACKS.digest);
    expect(JSON.parse(notAdmin.text).errors.digest_channel).toContain('Only workspace admins');
    expect(await h.deps.digests.schedule('T1')).toBeUndefined();
  });

  it('joins a public channel, saves, and shows the schedule and the next three times on Home', async () => {
    const before = h.slack.callsTo('views.publish').length;
    const result = await h.submit(digestValues({ channel: 'CMKT' }), { user: 'UADMIN' }, CALLBACKS.digest);
    expect(result).toEqual({ status: 200, text: '' });
    expect(h.slack.callsTo('conversations.join').map((c) => c.args.channel)).toContain('CMKT');
    expect(await h.deps.digests.schedule('T1')).toMatchObject({
      enabled: true,
      channelId: 'CMKT',
      channelName: 'marketing',
      day: 1,
      time: '09:00',
      setUpBy: 'UADMIN',
      appId: 'A1',
    });
    const { user, text } = await latestHome(before);
    expect(user).toBe('UADMIN');
    expect(text).toContain('*On* — Mondays at 09:00 EET, in <#CMKT>.');
    expect(text).toContain('Next: Mon 30 Nov, 09:00 · Mon 7 Dec, 09:00 · Mon 14 Dec, 09:00');
    expect(text).toContain(DIGEST_ACTIONS.sendNow);
    expect(text).toContain(DIGEST_ACTIONS.preview);
    expect(text).toContain('Digest saved.');
  });

  it('sends a preview privately, as a direct message, and posts nothing in the channel', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.click({ type: 'button', action_id: DIGEST_ACTIONS.preview }, adminAtHome);
    const { text } = await latestHome(before);
    expect(text).toContain('Preview sent to you');
    const [dm] = h.slack.messagesIn('DUADMIN');
    expectValidMessage({ text: dm?.text ?? '', blocks: dm?.blocks as unknown[] });
    expect(dm?.text).toMatch(/^Weekly digest: .*Last week · Mon 16 – Sun 22 Nov 2026/);
    expect(h.slack.messagesIn('CMKT')).toHaveLength(0);
  });

  it('posts at once on Send now, links the message on Home, and the schedule does not post that week again', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.click({ type: 'button', action_id: DIGEST_ACTIONS.sendNow }, adminAtHome);
    const { text } = await latestHome(before);
    expect(text).toContain('Sent just now.');
    expect(text).toMatch(
      /Last posted Fri 27 Nov, 12:00 \(the week of 2026-11-16\) — <https:\/\/acme\.slack\.com\/archives\/CMKT\/p\d+\|see the message>/,
    );
    expect(h.slack.messagesIn('CMKT')).toHaveLength(1);
    const notAdmin = h.slack.callsTo('views.publish').length;
    await h.click({ type: 'button', action_id: DIGEST_ACTIONS.sendNow }, { user: 'UUSER', ...home });
    expect((await latestHome(notAdmin)).text).toContain('Only workspace admins');
    expect(h.slack.messagesIn('CMKT')).toHaveLength(1);
  });

  it('answers a click on the digest in the channel privately, leaving the message as it is', async () => {
    const [digest] = h.slack.messagesIn('CMKT');
    const actions = (
      digest?.blocks as { type: string; elements?: { action_id: string; value?: string }[] }[] | undefined
    )?.find((b) => b.type === 'actions');
    const previous = actions?.elements?.find((e) => e.action_id === ACTIONS.previous);
    const click = await h.click(
      { type: 'button', action_id: ACTIONS.previous, value: previous?.value ?? '' },
      { container: { type: 'message', message_ts: digest?.ts, channel_id: 'CMKT', is_ephemeral: false } },
    );
    const [answer] = await h.slack.waitForPosts(click.id);
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer?.body.text)).toContain('Mon 9 – Sun 15 Nov 2026');
  });

  it('pauses when its channel is archived and tells whoever set it up, with an Edit button', async () => {
    const dms = h.slack.messagesIn('DUADMIN').length;
    await h.event({ type: 'channel_archive', channel: 'CMKT', user: 'UUSER' });
    await until(async () => Boolean((await h.deps.digests.schedule('T1'))?.paused), 'the digest paused', 2_000);
    expect((await h.deps.digests.schedule('T1'))?.paused?.reason).toBe('is_archived');
    await h.slack.waitForCalls('conversations.open', 2);
    const notice = h.slack.messagesIn('DUADMIN').slice(dms);
    expect(notice.map((m) => m.text).join()).toContain('paused: <#CMKT> was archived');
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home', event_ts: '1.2' });
    const { text } = await latestHome(before);
    expect(text).toContain('The digest is paused');
    expect(text).toContain('*Paused*');
    expect(text).not.toContain('Next:');
  });

  it('forgets the schedule and the delivery log when the app is uninstalled', async () => {
    await h.event({ type: 'app_uninstalled' });
    for (let i = 0; i < 100 && (await h.deps.digests.schedule('T1')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await h.deps.digests.schedule('T1')).toBeUndefined();
    expect(await h.deps.digests.latestWeek('T1')).toBeUndefined();
    expect(await h.deps.digests.enrolled()).not.toContain('T1');
  });
});
