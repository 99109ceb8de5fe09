import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../../src/period/index.js';
import { change } from '../../../src/report/compare.js';
import type { ReportFailureKind } from '../../../src/report/types.js';
import {
  buildFailureMessage,
  buildInternalErrorMessage,
  buildNotConnectedMessage,
} from '../../../src/views/error-messages.js';
import { changeText, rate } from '../../../src/views/format.js';
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
    [120, 100, 'contactsAdded', '▲ 20% (+20)'],
    [95, 100, 'contactsAdded', '▼ 5.0% (−5)'],
    [12, 0, 'contactsAdded', 'new (0 → 12)'],
    [0, 0, 'contactsAdded', 'no change'],
    [0, 7, 'contactsBlocked', '▼ 100% (−7)'],
    [12345, 10000, 'contactsServed', '▲ 23% (+2,345)'],
  ] as const)('%i vs %i → %s', (current, previous, measure, text) => {
    expect(changeText(change(measure, current, previous))).toBe(text);
  });

  it('judges opt-outs going down as good and contacts going down as bad', () => {
    expect(change('contactsBlocked', 5, 10).verdict).toBe('good');
    expect(change('contactsAdded', 5, 10).verdict).toBe('bad');
    expect(change('contactsServed', 10, 10).verdict).toBe('neutral');
  });

  it('prints rates with enough precision and never divides by zero', () => {
    expect(rate(0.0042)).toBe('0.42%');
    expect(rate(0.123)).toBe('12.3%');
    expect(rate(null)).toBe('—');
  });
});
