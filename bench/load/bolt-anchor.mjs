// The anchor: a bare Bolt 5 app that acks `/contacts` and, given ANCHOR_MESSAGE_FILE, then posts that
// fixed message to response_url — the same I/O as a real answer with none of the work. Plain
// JavaScript run by plain node, as the built app is. Prints `listening <port>` when ready.
import { readFileSync } from 'node:fs';
import bolt from '@slack/bolt';

const { App, LogLevel } = bolt;
const env = process.env;
const message = env.ANCHOR_MESSAGE_FILE ? JSON.parse(readFileSync(env.ANCHOR_MESSAGE_FILE, 'utf8')) : null;

const app = new App({
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  token: env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});

app.command('/contacts', async ({ ack, respond }) => {
  await ack();
  if (message) await respond(message);
});

const server = await app.start(Number(env.PORT ?? 0));
process.stdout.write(`listening ${server.address().port}\n`);
process.on('SIGTERM', () => process.exit(0));
