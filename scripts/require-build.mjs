// `npm start` runs the built app (dist/); without a build, say what to do in one line instead of a stack trace.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('Contacts for Slack is not built yet: run npm run build first (then npm start).');
  process.exit(1);
}
