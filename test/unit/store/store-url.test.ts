import { describe, expect, it } from 'vitest';
import { describeStoreUrl } from '../../../src/store/open-store.js';

describe('a store URL in a log line or an error', () => {
  it.each([
    ['redis://:hunter2@db:6379', 'redis://:***@db:6379'],
    ['redis://app:hunter2@db:6379/0', 'redis://app:***@db:6379/0'],
    ['rediss://hunter2@db.example:6380', 'rediss://***@db.example:6380'],
    ['redis://db:6379', 'redis://db:6379'],
    ['sqlite:///var/lib/contacts.sqlite', 'sqlite:///var/lib/contacts.sqlite'],
  ])('%s reads %s', (url, shown) => {
    expect(describeStoreUrl(url)).toBe(shown);
    expect(describeStoreUrl(url)).not.toContain('hunter2');
  });
});
