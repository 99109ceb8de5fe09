import type { AppProcess } from '../../test/support/app-process.js';
import { QUICK } from '../harness.js';
import { appTarget, type Sandbox, SECRET, type StandIn, startAnchor, startApp, type Target } from './fleet.js';
import { signedLoad } from './signed-load.js';
import { lastWeek, measureSpeed, printTable, type SpeedRow } from './speed.js';

async function measured(start: () => Promise<Target>, standIn: StandIn): Promise<SpeedRow> {
  const target = await start();
  try {
    return await measureSpeed(target, standIn);
  } finally {
    await target.stop();
  }
}

/** The report message the app sends for `/contacts last week`: what the ack + post anchor posts. */
export async function realMessage(app: AppProcess, standIn: StandIn): Promise<string> {
  await signedLoad({
    urls: [`${app.base}/slack/events`],
    secret: SECRET,
    responseBase: standIn.base,
    tag: 'message',
    commands: lastWeek,
    connections: 1,
    amount: 1,
  });
  await standIn.waitFor('message-1');
  return standIn.last();
}

export interface VersusAnchor {
  readonly rows: readonly SpeedRow[];
  readonly anchor: SpeedRow;
  readonly messageBytes: number;
}

/**
 * The table: bare Bolt (ack only; ack + post the real message) beside the built app as npm start
 * runs it on SQLite, on Redis, and two instances on one Redis — each in its own process, driven
 * the same way — and on SQLite with other node flags (`otherFlags`) for what npm start's cost.
 */
export async function benchVersusAnchor(
  standIn: StandIn,
  sandbox: Sandbox,
  redisUrl: string | undefined,
  otherFlags: readonly (readonly string[])[],
): Promise<VersusAnchor> {
  const first = await startApp({ standIn, sandbox });
  const message = await realMessage(first, standIn).finally(() => first.stop());
  console.log(`\nthe anchor posts the app's own answer to /contacts last week: ${message.length} bytes`);
  const rows: SpeedRow[] = [];
  rows.push(await measured(() => startAnchor(standIn, null), standIn));
  const anchor = await measured(() => startAnchor(standIn, message), standIn);
  rows.push(anchor);
  rows.push(
    await measured(
      async () => appTarget('Contacts for Slack, SQLite', [await startApp({ standIn, sandbox })]),
      standIn,
    ),
  );
  for (const startFlags of QUICK ? [] : otherFlags) {
    const name = `Contacts for Slack, SQLite, ${startFlags.length > 0 ? startFlags.join(' ') : 'no node flags'}`;
    rows.push(await measured(async () => appTarget(name, [await startApp({ standIn, sandbox, startFlags })]), standIn));
  }
  if (redisUrl) {
    const storeUrl = redisUrl;
    rows.push(
      await measured(
        async () => appTarget('Contacts for Slack, Redis', [await startApp({ standIn, sandbox, storeUrl })]),
        standIn,
      ),
    );
    rows.push(
      await measured(
        async () =>
          appTarget('Contacts for Slack, 2 instances, one Redis', [
            await startApp({ standIn, sandbox, storeUrl }),
            await startApp({ standIn, sandbox, storeUrl }),
          ]),
        standIn,
      ),
    );
  }
  printTable(rows, anchor);
  return { rows, anchor, messageBytes: message.length };
}
