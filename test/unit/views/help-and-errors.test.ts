import { describe, expect, it } from 'vitest';
import { PeriodError, resolvePeriod } from '../../../src/period/index.js';
import { change } from '../../../src/report/compare.js';
import type { ReportFailureKind } from '../../../src/report/report-types.js';
import {
  buildFailureMessage,
  buildInternalErrorMessage,
  buildNotConnectedMessage,
} from '../../../src/views/error-messages.js';
import { changeBrief, changeText, escapeText, rate, verdictWord } from '../../../src/views/format.js';
import { buildHelpMessage, HELP_EXAMPLES } from '../../../src/views/help-message.js';
import { expectValidMessage } from '../../support/block-kit.js';

describe('the help message', () => {
  it('shows eight phrases that all resolve, and the workspace’s zone and week start', () => {
    const message = buildHelpMessage({ zone: 'America/New_York', weekStart: 0 });
    expectValidMessage(message);
    expect(HELP_EXAMPLES).toHaveLength(8);
    const text = JSON.stringify(message.blocks);
    for (const example of HELP_EXAMPLES) {
      expect(text).toContain(`/contacts ${example}`);
      expect(() =>
        resolvePeriod(example, { zone: 'America/New_York', weekStart: 0, now: Date.parse('2026-11-27T10:00:00Z') }),
      ).not.toThrow();
    }
    expect(text).toContain('America/New_York');
    expect(text).toContain('Sunday');
  });

  it('leads with what was wrong when a phrase could not be read', () => {
    const message = buildHelpMessage({ zone: 'Europe/Athens', weekStart: 1, problem: 'I didn’t understand “blah”.' });
    expectValidMessage(message);
    expect(message.text).toContain('I didn’t understand “blah”.');
    const phraseError = buildHelpMessage({
      zone: 'Europe/Athens',
      weekStart: 1,
      problem: 'Bad. Try “last week” or “today”.',
    });
    expect(phraseError.text.match(/Try/g)).toHaveLength(1);
    expect(message.blocks[0]?.type).toBe('section');
  });
});

describe('failure messages', () => {
  it.each<ReportFailureKind>(['tellody-credentials', 'tellody-unavailable', 'tellody-rejected', 'tellody-garbled'])(
    '%s says what happened and what to do, with no internals',
    (kind) => {
      const message = buildFailureMessage({
        kind,
        detail:
          kind === 'tellody-credentials'
            ? 'Bad credentials'
            : 'Tellody is unavailable (timeout): Report/ContactChart took longer than 10000 ms',
      });
      expectValidMessage(message);
      expect(message.text).not.toMatch(/ContactChart|10000|at \w+ \(|Error:/);
      expect(message.text).toMatch(/try again|admin|another period/i);
    },
  );

  it('points a refused request at the likely cause: a zone that differs from the Tellody account’s', () => {
    expect(buildFailureMessage({ kind: 'tellody-rejected', detail: '' }).text).toMatch(
      /time zone differs from the Tellody account/,
    );
  });

  it('tells an unconnected workspace who can connect it', () => {
    expectValidMessage(buildNotConnectedMessage());
    expect(buildNotConnectedMessage().text).toMatch(/admin can connect/);
    expectValidMessage(buildInternalErrorMessage());
  });
});

describe('numbers in words', () => {
  it.each([
    [120, 100, 'contactsAdded', 'up 20 % (+20)', '+20 %'],
    [95, 100, 'contactsAdded', 'down 5.0 % (−5)', '−5.0 %'],
    [1549, 1562, 'contactsAdded', 'down 0.8 % (−13)', '−0.8 %'],
    [12, 0, 'contactsAdded', 'new (0 → 12)', 'new'],
    [0, 0, 'contactsAdded', 'no change', 'no change'],
    [0, 7, 'contactsBlocked', 'down 100 % (−7)', '−100 %'],
    [12345, 10000, 'contactsServed', 'up 23 % (+2,345)', '+23 %'],
  ] as const)('%i vs %i (%s) → “%s”, briefly “%s”', (current, previous, measure, text, brief) => {
    const c = change(measure, current, previous);
    expect(changeText(c)).toBe(text);
    expect(changeBrief(c)).toBe(brief);
  });

  it('marks only changes that mean something, in words', () => {
    expect(verdictWord(change('contactsAdded', 1549, 1562))).toBeNull();
    expect(verdictWord(change('contactsAdded', 1200, 1000))).toBe('better');
    expect(verdictWord(change('contactsBlocked', 120, 60))).toBe('worse');
  });

  it('prints rates with enough precision and never divides by zero', () => {
    expect(rate(0.0042)).toBe('0.42 %');
    expect(rate(0.123)).toBe('12.3 %');
    expect(rate(null)).toBe('—');
  });
});

describe('text from people and from Tellody is escaped before Slack reads it as markup', () => {
  it.each([
    ['<@U123>', '&lt;@U123&gt;'],
    ['<#C0123|general>', '&lt;#C0123|general&gt;'],
    ['<@U123|ann>', '&lt;@U123|ann&gt;'],
    ['<!here> <!channel>', '&lt;!here&gt; &lt;!channel&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['&lt; already', '&amp;lt; already'],
    ['a > b < c', 'a &gt; b &lt; c'],
    ['plain words', 'plain words'],
  ])('%s → %s', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('quotes a phrase that mentions someone without pinging them', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    let problem = '';
    try {
      resolvePeriod('<@U123> <!here>', { zone: 'Europe/Athens', weekStart: 1, now });
    } catch (error) {
      problem = error instanceof PeriodError ? error.message : '';
    }
    expect(problem).toContain('<@U123>');
    const message = buildHelpMessage({ zone: 'Europe/Athens', weekStart: 1, problem });
    const everything = `${message.text} ${JSON.stringify(message.blocks)}`;
    expect(everything).not.toMatch(/<[@#!]/);
    expect(everything).toContain('&lt;@U123&gt;');
  });

  it('shows Tellody’s own words about a refused login as text, not markup', () => {
    const message = buildFailureMessage({ kind: 'tellody-credentials', detail: 'Bad <!channel> & <https://x|y>' });
    const everything = `${message.text} ${JSON.stringify(message.blocks)}`;
    expect(everything).toContain('Bad &lt;!channel&gt; &amp; &lt;https://x|y&gt;');
    expect(everything).not.toContain('<!channel>');
  });
});
