import { describe, expect, it } from 'vitest';
import { rate } from '../../../src/views/format.js';
import { buildModalNotice, problemBlocks } from '../../../src/views/modal-notice.js';
import { linesOf } from '../../support/view-text.js';

/*
 * Rates at the edge of their precision, and the small modal that only says something (“Checking
 * the Tellody login…”) with the problems a form shows above itself.
 */

describe('an opt-out rate', () => {
  it.each([
    [0.0042, '0.42 %'],
    [0.00999, '1.00 %'],
    [0.01, '1.0 %'],
    [0.0105, '1.1 %'],
    [0.2, '20.0 %'],
    [null, '—'],
  ])('%s reads %s (two decimals only under 1 %)', (value, words) => {
    expect(rate(value)).toBe(words);
  });
});

describe('a modal that only says something', () => {
  it('is a modal with its title, its text and a Close button, nothing to submit', () => {
    const notice = buildModalNotice({ title: 'Contacts settings', text: 'Checking the Tellody login…' });
    expect(notice.type).toBe('modal');
    expect(notice.title.text).toBe('Contacts settings');
    expect(notice.close?.text).toBe('Close');
    expect(notice).not.toHaveProperty('submit');
    expect(notice.blocks.map((block) => block.block_id)).toEqual(['modal_notice']);
    expect(linesOf(notice)).toEqual(['Checking the Tellody login…']);
  });

  it('shows a form’s problems above it in one warning, escaped, and nothing when there are none', () => {
    const blocks = problemBlocks(['Tellody refused the login <@U1>.', 'Try again.']);
    expect(blocks.map((block) => block.block_id)).toEqual(['form_problems']);
    expect(linesOf({ blocks })).toEqual([':warning: Tellody refused the login &lt;@U1&gt;. Try again.']);
    expect(problemBlocks([])).toEqual([]);
    expect(problemBlocks(undefined)).toEqual([]);
  });
});
