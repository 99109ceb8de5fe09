import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectValidMessage } from '../support/block-kit.js';
import { npmScript } from '../support/npm-script.js';

const NOW = '2026-11-27T10:00:00Z';

const demo = (...args: string[]) => npmScript('demo', ...args, '--now', NOW);

describe('npm run demo', () => {
  it.each(['last week', '', 'Q3 2025 by week', 'Nov 3 to Nov 10', 'yesterday hourly', 'this year so far'])(
    'prints the report, the chart URL and the Block Kit for “%s”',
    async (phrase) => {
      const result = await demo(phrase);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/New contacts\s+[\d,]+/);
      expect(result.stdout).toMatch(/Chart \((direct|short|coarser), \d+ characters\): https?:\/\//);
      const message = JSON.parse(result.stdout.slice(result.stdout.indexOf('Block Kit:\n') + 11));
      expectValidMessage(message);
    },
  );

  it('writes the chart, drawn as QuickChart draws it, with --png', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-png-'));
    try {
      const path = join(dir, 'chart.png');
      const result = await demo('last week', '--png', path);
      expect(result.code).toBe(0);
      const png = await readFile(path);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 680]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints only the Block Kit JSON with --json', async () => {
    const result = await demo('last month', '--json');
    expectValidMessage(JSON.parse(result.stdout));
  });

  it('explains a phrase it cannot use, with exit 2', async () => {
    const result = await demo('next week');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/hasn’t started yet/);
    expect(result.stdout).toBe('');
  });
});

describe('npm run demo -- --alerts', () => {
  const MONDAY = '2026-11-30T12:10:00+02:00';

  it('prints the alert, its chart and its Block Kit with the sandbox’s spike knob', async () => {
    const result = await npmScript(
      'demo',
      '--alerts',
      '--now',
      MONDAY,
      '--spike',
      'contactsBlocked:4x:from=2026-11-30T09:00+02:00',
      '--outage',
      'contactsAdded:from=2026-11-30T08:00+02:00',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ALERT: Opt-outs are \d\.\d× a usual Monday by 12:00: \d+ against about \d+/);
    expect(result.stdout).toMatch(
      /ALERT: No new contacts since 08:00; a usual Monday has about \d+ between 08:00 and 12:00/,
    );
    expect(result.stdout).toMatch(/Chart \(\d+ characters\): https:\/\/quickchart\.io\/chart\?/);
    const first = result.stdout.indexOf('Block Kit:\n') + 11;
    const json = result.stdout.slice(first, result.stdout.indexOf('\n}\n', first) + 2);
    expectValidMessage(JSON.parse(json));
  });
});
