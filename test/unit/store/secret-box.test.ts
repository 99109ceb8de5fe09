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

  it('refuses a secret whose tag was cut short, which GCM alone would check only as far as it goes', () => {
    const [version, iv, tag, body] = new SecretBox(NEW).seal('hunter2', 'T1').split('.');
    const cut = Buffer.from(tag ?? '', 'base64url')
      .subarray(0, 12)
      .toString('base64url');
    expect(() => new SecretBox(NEW).unseal([version, iv, cut, body].join('.'), 'T1')).toThrow(SecretBoxError);
  });

  it('refuses a secret of a version it does not know, even one its key would open', () => {
    const [, ...rest] = new SecretBox(NEW).seal('hunter2', 'T1').split('.');
    expect(() => new SecretBox(NEW).unseal(['v2', ...rest].join('.'), 'T1')).toThrow(SecretBoxError);
  });

  it('tells an operator what went wrong without the secret: the key, or altered data', () => {
    const error = (() => {
      try {
        new SecretBox(NEW).unseal(new SecretBox(OTHER).seal('hunter2', 'T1'), 'T1');
      } catch (e) {
        return e as Error;
      }
      throw new Error('it opened');
    })();
    expect(error.name).toBe('SecretBoxError');
    expect(error.message).toBe(
      'a stored secret could not be decrypted (wrong ENCRYPTION_KEY, or the data was altered)',
    );
  });

  it('refuses keys that are not 64 hex characters', () => {
    expect(() => new SecretBox('ab')).toThrow(/64 hex/);
    expect(() => new SecretBox(NEW, ['zz'.repeat(32)])).toThrow(/64 hex/);
  });
});
