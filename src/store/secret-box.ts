import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** A secret that cannot be opened: wrong key, or tampered with. Says nothing about the content. */
export class SecretBoxError extends Error {
  constructor() {
    super('a stored secret could not be decrypted (wrong ENCRYPTION_KEY, or the data was altered)');
    this.name = 'SecretBoxError';
  }
}

/** An opened secret, and whether it was sealed under a previous key (so it should be sealed again). */
export interface Unsealed {
  readonly plaintext: string;
  readonly stale: boolean;
}

function keyFrom(hexKey: string): Buffer {
  if (!HEX_KEY.test(hexKey)) throw new Error('ENCRYPTION_KEY must be 64 hex characters');
  return Buffer.from(hexKey, 'hex');
}

/** Opens a v1 secret with one key, or says it cannot (null): a wrong key fails GCM's tag check. */
function openWith(key: Buffer, sealed: string, context: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1') return null;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see docs/testing.md
  if (!iv || !tag || body === undefined) return null;
  const tagBytes = Buffer.from(tag, 'base64url');
  // A shorter tag would be checked only as far as it goes: GCM lets a cut tag through.
  if (tagBytes.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    // Stryker disable next-line StringLiteral: equivalent, see docs/testing.md
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * AES-256-GCM with a fresh 96-bit IV per secret and the 128-bit tag: tampering is detected, not
 * decrypted into garbage. `context` (the workspace id) is bound as associated data, so a secret
 * copied to another workspace's record does not open there.
 *
 * Keys rotate: secrets are always sealed with the current key and opened with it or any previous
 * one (ENCRYPTION_KEY_PREVIOUS); `unseal` says when a secret was opened with an old key, so its
 * owner seals it again and the old key can be retired.
 */
export class SecretBox {
  private readonly current: Buffer;
  private readonly previous: readonly Buffer[];

  constructor(hexKey: string, previousHexKeys: readonly string[] = []) {
    this.current = keyFrom(hexKey);
    this.previous = previousHexKeys.map(keyFrom);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current, iv);
    // Stryker disable next-line StringLiteral: equivalent, see docs/testing.md
    cipher.setAAD(Buffer.from(context, 'utf8'));
    // Stryker disable next-line StringLiteral: equivalent, see docs/testing.md
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
      '.',
    );
  }

  /** The secret, opened with the current or a previous key; `SecretBoxError` when none opens it. */
  unseal(sealed: string, context: string): Unsealed {
    const plaintext = openWith(this.current, sealed, context);
    if (plaintext !== null) return { plaintext, stale: false };
    for (const key of this.previous) {
      const old = openWith(key, sealed, context);
      if (old !== null) return { plaintext: old, stale: true };
    }
    throw new SecretBoxError();
  }

  open(sealed: string, context: string): string {
    return this.unseal(sealed, context).plaintext;
  }
}
