import { describe, expect, it } from 'vitest';
import { buildDigestModal } from '../../../src/views/digest-modal.js';
import { buildModalNotice, problemBlocks } from '../../../src/views/modal-notice.js';
import { buildSettingsModal } from '../../../src/views/settings-modal.js';
import { expectValidView } from '../../support/block-kit.js';

describe('a modal that only says something', () => {
  it('is a valid modal with a Close button and no Submit', () => {
    const view = buildModalNotice({ title: 'Contacts settings', text: 'Checking the Tellody login…' });
    expectValidView(view);
    expect(view.submit).toBeUndefined();
    expect(view.close?.text).toBe('Close');
    expect(JSON.stringify(view.blocks)).toContain('Checking the Tellody login…');
  });
});

describe('a form shown again with its problems', () => {
  it('puts the problems above the inputs, escaped, and nothing when there are none', () => {
    expect(problemBlocks(undefined)).toEqual([]);
    expect(problemBlocks([])).toEqual([]);
    const settings = buildSettingsModal({
      weekStart: 1,
      zone: 'Europe/Athens',
      username: 'pat',
      connected: false,
      problems: ['Tellody refused this login: <!here> & co.'],
    });
    expectValidView(settings);
    expect(settings.blocks[0]).toMatchObject({ type: 'section', block_id: 'form_problems' });
    expect(JSON.stringify(settings.blocks[0])).toContain('&lt;!here&gt; &amp; co.');
    const digest = buildDigestModal({
      day: 1,
      time: '09:00',
      enabled: true,
      zone: 'Europe/Athens',
      now: 0,
      problems: ['I can’t see that channel.'],
    });
    expectValidView(digest);
    expect(digest.blocks[0]).toMatchObject({ block_id: 'form_problems' });
  });
});
