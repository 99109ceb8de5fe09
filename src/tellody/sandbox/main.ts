import { parseArgs } from 'node:util';
import { isEntryPoint } from '../../entry-point.js';
import { isValidZone } from '../../period/calendar.js';
import { ANOMALY_FLAGS, type Anomaly, parseOutage, parseSpike } from './anomalies.js';
import { DEMO_ACCOUNT, type SandboxAccount, type SandboxFaults, startSandbox } from './server.js';

const USAGE = `Usage: npm run sandbox -- [--port 8088] [--tz Europe/Athens] [--account user:password:Zone/Name]…
  Faults: [--latency-ms N] [--error-rate 0..1] [--session-ttl SECONDS] [--malformed-rate 0..1] [--drop-rate 0..1]
  Anomalies: ${ANOMALY_FLAGS}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function number(value: string | undefined, name: string, max = Number.POSITIVE_INFINITY): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max) fail(`--${name} must be a number from 0 to ${max}`);
  return n;
}

function account(spec: string, index: number): SandboxAccount {
  const [username, password, zone] = spec.split(':');
  if (!username || !password || !zone || !isValidZone(zone)) fail(`--account "${spec}" is not user:password:Zone/Name`);
  return { username, password, zone, seed: index + 2, creditsAvailable: 100, creditsSpent: 0 };
}

/** `--spike` and `--outage` flags read, or the first problem with one. */
function anomalies(spikes: string[] = [], outages: string[] = []): Anomaly[] {
  try {
    return [...spikes.map(parseSpike), ...outages.map(parseOutage)];
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the flags, starts the sandbox and keeps it up until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8088' },
      tz: { type: 'string', default: 'Europe/Athens' },
      account: { type: 'string', multiple: true },
      'latency-ms': { type: 'string' },
      'error-rate': { type: 'string' },
      'session-ttl': { type: 'string' },
      'malformed-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      spike: { type: 'string', multiple: true },
      outage: { type: 'string', multiple: true },
    },
  }) as { values: Record<string, string | string[] | undefined> };

  const get = (name: string) => values[name] as string | undefined;
  const zone = get('tz') ?? 'Europe/Athens';
  if (!isValidZone(zone)) fail(`--tz "${zone}" is not an IANA time zone`);
  const port = number(get('port'), 'port', 65535);
  const faults: Partial<SandboxFaults> = {};
  const knobs = [
    ['latency-ms', 'latencyMs', 60_000],
    ['error-rate', 'errorRate', 1],
    ['session-ttl', 'sessionTtlSeconds', 86_400],
    ['malformed-rate', 'malformedRate', 1],
    ['drop-rate', 'dropRate', 1],
  ] as const;
  for (const [flag, key, max] of knobs) {
    const value = number(get(flag), flag, max);
    if (value !== undefined) faults[key] = value;
  }
  faults.anomalies = anomalies(values.spike as string[] | undefined, values.outage as string[] | undefined);
  const extra = ((values.account as string[] | undefined) ?? []).map(account);
  const sandbox = await startSandbox({
    port,
    zone,
    faults,
    accounts: [{ ...DEMO_ACCOUNT, zone }, ...extra],
  });
  process.stdout.write(`Tellody sandbox at ${sandbox.baseUrl} (zone ${zone}); log in as demo / demo\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (isEntryPoint(import.meta.url)) await main();
