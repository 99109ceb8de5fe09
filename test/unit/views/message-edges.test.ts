import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { actions, button, clip, context, fields, header } from '../../../src/views/blocks.js';
import type { ChartImage } from '../../../src/views/chart.js';
import { buildHomeTab } from '../../../src/views/home-tab.js';
import { SETTINGS_FIELDS } from '../../../src/views/ids.js';
import { buildReportMessage, withBlockIdSuffix } from '../../../src/views/report-message.js';
import { readSettingsInput } from '../../../src/views/settings-modal.js';
import { expectValidMessage, expectValidView } from '../../support/block-kit.js';
import { madeReport } from '../../support/made-report.js';
import { settingsValues } from '../../support/slack-app-harness.js';
import { linesOf } from '../../support/view-text.js';

/*
 * The edges of what people read: text longer than Slack takes, a kept report sent again as a new
 * message, a report shown without buttons, the Home tab while Tellody is being asked, and the
 * settings form's answers to what cannot be saved.
 */

const NOW = Date.parse('2026-11-27T10:00:00Z');
const CHART: ChartImage = { url: 'https://quickchart.example/chart?c=x', kind: 'direct', perPoint: 1 };
const report = () => madeReport('last week', { now: '2026-11-27T10:00:00Z', values: (i) => 10 + i, previous: () => 9 });
const blockIds = (blocks: readonly KnownBlock[]) => blocks.map((block) => block.block_id);

describe('text longer than Slack takes', () => {
  it('is cut to exactly the limit, its last character an ellipsis', () => {
    expect(clip('x'.repeat(200), 150)).toBe(`${'x'.repeat(149)}…`);
    expect(clip('x'.repeat(150), 150)).toBe('x'.repeat(150));
    expect((header('Contacts · '.repeat(30)).text.text as string).length).toBe(150);
  });

  it('keeps a button’s label for screen readers, clipped to Slack’s 75 characters', () => {
    const long = button({ text: 'Share', actionId: 'a', accessibilityLabel: `Share ${'the report '.repeat(10)}` });
    expect(long.accessibility_label).toHaveLength(75);
    expect(long.accessibility_label?.endsWith('…')).toBe(true);
    expect(button({ text: 'Share', actionId: 'a' })).not.toHaveProperty('accessibility_label');
  });
});

describe('blocks within Slack’s limits (beyond them Slack refuses the whole message)', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `item ${i + 1}`);

  it('shows at most 10 fields and 10 context elements, the first ones', () => {
    const shown = fields(many(12), 'f');
    expect(shown.fields?.map((f) => f.text)).toEqual(many(10));
    expect(context(many(11)).elements.map((e) => ('text' in e ? e.text : ''))).toEqual(many(10));
  });

  it('puts at most 25 buttons in a row of actions, the first ones', () => {
    const buttons = many(27).map((text) => button({ text, actionId: text }));
    expect(actions(buttons, 'a').elements.map((b) => ('action_id' in b ? b.action_id : ''))).toEqual(many(25));
  });

  it('keeps the block id it is given (what Slack sends back with a click), and none when none is given', () => {
    expect(header('Contacts', 'home_header').block_id).toBe('home_header');
    expect(fields(['a'], 'home_fields').block_id).toBe('home_fields');
    expect(header('Contacts')).not.toHaveProperty('block_id');
  });

  it('marks the main button primary and sends a value only when it has one', () => {
    const main = button({ text: 'Connect Tellody', actionId: 'c', style: 'primary' });
    expect(main.style).toBe('primary');
    expect(Object.keys(main)).not.toContain('value');
    expect(button({ text: 'Share', actionId: 's', value: '' }).value).toBe('');
  });
});

describe('a kept report sent again as a new message', () => {
  it('gets new block ids throughout (Slack refuses a message whose ids clash), the rest unchanged', () => {
    const kept = buildReportMessage({ report: report(), chart: CHART, now: NOW, blockIdSuffix: 'old1' });
    const again = withBlockIdSuffix(kept, 'old1', 'new2');
    const ids = blockIds(again.blocks).filter(Boolean);
    expect(ids.length).toBeGreaterThan(4);
    for (const id of ids) expect(id).toMatch(/^[a-z_]+\.new2$/);
    expect(blockIds(again.blocks)).toEqual(blockIds(kept.blocks).map((id) => id?.replace(/\.old1$/, '.new2')));
    expect(linesOf(again)).toEqual(linesOf(kept));
    expect(again.text).toBe(kept.text);
    expectValidMessage(again);
  });

  it('keeps a block id that only looks alike (the suffix is the whole tail after the dot)', () => {
    const message = {
      text: 't',
      blocks: [
        { type: 'divider', block_id: 'x.aold1' },
        { type: 'divider', block_id: 'y.old1' },
        { type: 'divider' },
      ] as KnownBlock[],
    };
    expect(blockIds(withBlockIdSuffix(message, 'old1', 'new2').blocks)).toEqual(['x.aold1', 'y.new2', undefined]);
  });
});

describe('a report shown without buttons (the Home tab’s, a digest’s)', () => {
  it('has no actions at all', () => {
    const shown = buildReportMessage({ report: report(), chart: CHART, now: NOW, interactive: false });
    expect(shown.blocks.some((block) => block.type === 'actions')).toBe(false);
    const interactive = buildReportMessage({ report: report(), chart: CHART, now: NOW });
    expect(interactive.blocks.some((block) => block.type === 'actions')).toBe(true);
  });

  it('says so when the chart had to be drawn with fewer points', () => {
    const coarser: ChartImage = { ...CHART, kind: 'coarser', perPoint: 7, unit: 'week' };
    const lines = linesOf(buildReportMessage({ report: report(), chart: coarser, now: NOW }));
    expect(lines.join('\n')).toContain('Chart shows one point per week to fit Slack.');
    const unitless = linesOf(
      buildReportMessage({ report: report(), chart: { ...coarser, unit: undefined }, now: NOW }),
    );
    expect(unitless.join('\n')).toContain('Chart shows one point per day to fit Slack.');
  });
});

describe('the Home tab while Tellody is being asked', () => {
  it('says it is waiting, shows the account as “…”, and offers no Connect button yet', () => {
    const view = buildHomeTab({
      report: null,
      connection: { state: 'checking' },
      zone: 'Europe/Athens',
      weekStart: 1,
      canEdit: true,
    });
    expectValidView(view);
    const lines = linesOf(view);
    expect(lines).toContain('*Tellody:* waiting for Tellody…');
    expect(lines).toContain('*Tellody account*\n…');
    expect(lines).not.toContain('[Connect Tellody]');
  });
});

describe('the settings form, answering what cannot be saved', () => {
  it('says an emptied zone field is not a time zone, quoting nothing', () => {
    const input = readSettingsInput(settingsValues({ zone: '   ' }), { connected: false });
    expect(input.ok ? {} : input.errors).toEqual({
      [SETTINGS_FIELDS.zone]: '“” is not a time zone name. Try one like Europe/Athens or America/New_York.',
    });
  });

  it('says a zone field Slack sends back empty (null) is not a time zone, quoting nothing', () => {
    const values = settingsValues({});
    const emptied = { ...values, settings_zone: { settings_zone: { type: 'plain_text_input', value: null } } };
    const input = readSettingsInput(emptied, { connected: false });
    expect(input.ok ? {} : input.errors).toEqual({
      [SETTINGS_FIELDS.zone]: '“” is not a time zone name. Try one like Europe/Athens or America/New_York.',
    });
  });

  it('says a password over 200 characters is too long, at the password', () => {
    const input = readSettingsInput(settingsValues({ username: 'acme', password: 'p'.repeat(201) }), {
      connected: false,
    });
    expect(input.ok ? {} : input.errors).toEqual({ [SETTINGS_FIELDS.password]: 'That password is too long.' });
  });
});
