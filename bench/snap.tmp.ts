import { writeHeapSnapshot } from 'node:v8';
import { slackAppHarness } from '../test/support/slack-app-harness.js';
import { PHRASES } from './period.bench.js';
const h = await slackAppHarness({ env: { TELLODY_USERNAME: 'demo', TELLODY_PASSWORD: 'demo', QUICKCHART_HOST: 'http://127.0.0.1:9', LOG_LEVEL: 'error' } });
const MIXED = [...PHRASES, 'help', 'next year', 'by hour last year', 'blue moon'];
const heap = () => { globalThis.gc?.(); return (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1); };
console.log('start', heap());
let i = 0;
const total = Number(process.argv[2] ?? 6000);
while (i < total) {
  const batch: Promise<unknown>[] = [];
  for (let k = 0; k < 20 && i < total; k++, i++) {
    const n = i;
    batch.push(h.command(MIXED[n % MIXED.length] ?? '', { team: `TS${(n * 7919) % 1000}` }).then(({ id }) => h.slack.waitForPosts(id, 1, 60000)));
  }
  await Promise.all(batch);
  h.slack.posts.length = 0; h.slack.calls.length = 0;
  if (i % 2000 === 0) console.log(i, heap());
}
console.log('end', heap());
console.log(writeHeapSnapshot('/tmp/app.heapsnapshot'));
await h.close();
