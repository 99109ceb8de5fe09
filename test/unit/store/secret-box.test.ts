import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from '../../../src/store/secret-box.js';

const OLD = '01'.repeat(32);
const NEW = '02'.repeat(32);
const OTHER = '03'.repeat(32);

describe('secrets at rest, across a key rotation', () => {
  it('seals with the current key: the new key alone opens it, and it needs no re-sealing', () => {
    const sealed = new SecretBox(NEW, [OLD]).seal('hunter2', 'T1');
    expect(new SecretBox(NEW).unseal(sealed, 'T1')).toEqual({ plaintext: 'hunter2', stale: false });
    expect(() => new SecretBox(OLD).open(sealed, 'T1')).toThrow(SecretBoxError);
  });

  it('opens a secret sealed under the previous key, and says it should be sealed again', () => {
    const sealed = new SecretBox(OLD).seal('hunter2', 'T1');
    expect(new SecretBox(NEW, [OTHER, OLD]).unseal(sealed, 'T1')).toEqual({ plaintext: 'hunter2', stale: true });
  });

  it('refuses a secret no key opens, without saying anything of its content', () => {
    const sealed = new SecretBox(OTHER).seal('hunter2', 'T1');
    const attempt = () => new SecretBox(NEW, [OLD]).unseal(sealed, 'T1');
    expect(attempt).toThrow(SecretBoxError);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it('binds a secret to its workspace under every key: copied to another workspace it opens with none', () => {
    const sealed = new SecretBox(OLD).seal('hunter2', 'T1');
    expect(() => new SecretBox(NEW, [OLD]).unseal(sealed, 'T2')).toThrow(SecretBoxError);
  });

  it.each(['', 'v1', 'v2.a.b.c', 'v1.AAAA.AAAA.AAAA', 'not-a-secret'])('refuses the malformed “%s”', (sealed) => {
    expect(() => new SecretBox(NEW, [OLD]).unseal(sealed, 'T1')).toThrow(SecretBoxError);
  });

  it('refuses keys that are not 64 hex characters', () => {
    expect(() => new SecretBox('ab')).toThrow(/64 hex/);
    expect(() => new SecretBox(NEW, ['zz'.repeat(32)])).toThrow(/64 hex/);
  });
});
