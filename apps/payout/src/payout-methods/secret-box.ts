import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What is stored for a method's secret fields: the key's id beside the sealed bytes. */
export interface Sealed {
  keyId: string;
  /** base64 of iv (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext. */
  ciphertext: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key's id: the start of its SHA-256, so ids are stable and never reveal the key. */
export function keyIdOf(key: Buffer): string {
  return `k-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * AES-256-GCM for payout method secrets. New secrets are sealed with the current key; older
 * ones open with whichever key their id names (previous keys stay configured until every row
 * has been re-sealed). `context` (the method id) is bound as associated data, so a ciphertext
 * copied onto another row does not open.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(currentKeyBase64: string, previousKeysBase64: readonly string[] = []) {
    for (const encoded of [currentKeyBase64, ...previousKeysBase64]) {
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32) throw new Error('payout encryption keys must be 32 bytes');
      this.keys.set(keyIdOf(key), key);
    }
    const key = Buffer.from(currentKeyBase64, 'base64');
    this.current = { id: keyIdOf(key), key };
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      keyId: this.current.id,
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
    };
  }

  open(sealed: Sealed, context: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`payout encryption key ${sealed.keyId} is not configured`);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
