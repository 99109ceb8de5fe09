import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_ACTIONS } from '../../src/views/ids.js';
import type { AppProcess } from '../support/app-process.js';
import { expectValidView } from '../support/block-kit.js';
import { type FaultRig, faultRig } from '../support/fault-rig.js';
import { until } from '../support/scheduler-instances.js';
import { steppedClock } from '../support/stepped-clock.js';

/**
 * An instance of the built app SIGKILLed while Slack is still taking its digest post; the next
 * instance starts after the week's claim has lapsed (20 minutes, on the wall clock the claim was
 * taken by: the instances' clock is stepped on past it).
 */
const clock = steppedClock('2026-12-07T09:00:20+02:00'); // Monday, just after the digest's time
const CHANNEL = 'CKILLED';
const WEEK = '2026-11-30';
let rig: FaultRig;

beforeAll(async () => {
  rig = await faultRig({ now: clock.now });
  await rig.digestIn(CHANNEL);
});
afterAll(() => rig.close());

const postsTried = () => rig.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL).length;

async function homeFor(app: AppProcess): Promise<string> {
  const before = rig.slack.callsTo('views.publish').length;
  const requests = rig.requestsTo(app, clock.now);
  expect((await requests.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home' })).status).toBe(
    200,
  );
  const [publish] = (await rig.slack.waitForCalls('views.publish', before + 1)).slice(-1);
  const view = publish?.args.view as { blocks: unknown[] };
  expectValidView(view);
  return JSON.stringify(view.blocks);
}

describe('an instance killed while Slack is still taking its digest post', () => {
  let next: AppProcess;

  it('leaves the digest in the channel once, and the next instance never sends it again', async () => {
    rig.slack.holdPostsIn(CHANNEL, 5000); // Slack has the message, and answers in 5 s
    const first = await rig.startApp(clock.env);
    await until(() => rig.slack.messagesIn(CHANNEL).length === 1, 'Slack to take the digest', 20_000);
    await first.stop('SIGKILL');
    rig.slack.holdPostsIn(CHANNEL, undefined);

    clock.step(21 * 60_000); // the dead instance's claim on the week lapses after 20 minutes
    next = await rig.startApp(clock.env);
    const settled = async () => ['uncertain', 'posted'].includes((await rig.week(WEEK))?.state ?? '');
    await until(settled, 'the next instance to settle the week');
    expect(rig.slack.messagesIn(CHANNEL)).toHaveLength(1);
    expect(postsTried()).toBe(1);
    expect(await rig.week(WEEK)).toMatchObject({ state: 'uncertain', problem: { kind: 'interrupted' } });
  }, 40_000);

  it('tells whoever set it up, by direct message, that it may not have gone out, with Send now', async () => {
    await until(() => rig.slack.messagesIn('DUADMIN').length > 0, 'a direct message to the admin');
    const [dm] = rig.slack.messagesIn('DUADMIN');
    expect(dm?.text).toMatch(
      new RegExp(
        `^The weekly digest for the week of ${WEEK} may not have gone out: The app stopped while Slack was taking the post\\.`,
      ),
    );
    expect(dm?.text).toContain(
      `It will not be sent again by itself, so it is never posted twice. Look in <#${CHANNEL}>`,
    );
    expect(JSON.stringify(dm?.blocks)).toContain(DIGEST_ACTIONS.sendNow);
  });

  it('says so on the Home tab, where Send now posts it at the admin’s word', async () => {
    const home = await homeFor(next);
    expect(home).toContain(`The digest for the week of ${WEEK} may not have gone out`);
    expect(home).toContain(`look in <#${CHANNEL}>, and if it is not there, use *Send now*`);
    expect(home).toContain(DIGEST_ACTIONS.sendNow);

    const requests = rig.requestsTo(next, clock.now);
    const click = await requests.click(
      { type: 'button', action_id: DIGEST_ACTIONS.sendNow },
      { user: 'UADMIN', container: { type: 'view', view_id: 'VHOME' } },
    );
    expect(click.status).toBe(200);
    await until(() => rig.slack.messagesIn(CHANNEL).length === 2, 'the digest sent again at the admin’s word');
    await until(async () => (await rig.week(WEEK))?.state === 'posted', 'the week recorded as posted');
    expect(next.logText()).toContain(`digest T1 ${WEEK}: may not have gone out (interrupted `);
  });
});
