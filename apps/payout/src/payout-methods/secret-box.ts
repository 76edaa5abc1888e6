import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';

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

/** HKDF label of the request-hash key: never the same bytes as the sealing key. */
const REQUEST_HASH_LABEL = 'glimmer/payout/method-request-hash/v2';

/** The HMAC key of a method's idempotency request hash, derived from one sealing key. */
export function requestHashKeyOf(key: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, '', REQUEST_HASH_LABEL, 32));
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

  /**
   * HMAC-SHA256 of `data` keyed by a key derived (HKDF, its own label) from the current
   * sealing key: the idempotency hash of a method's details, which include the account number.
   * An unkeyed hash beside the masked last four digits would be undone by ~10^4 guesses.
   */
  keyedHash(data: string): string {
    return createHmac('sha256', requestHashKeyOf(this.current.key)).update(data).digest('hex');
  }

  /** {@link keyedHash} under every configured key, current first: a hash written before a
   * rotation still matches while its key is among PAYOUT_ENCRYPTION_PREVIOUS_KEYS. */
  keyedHashes(data: string): string[] {
    return [...this.keys.values()].map((key) =>
      createHmac('sha256', requestHashKeyOf(key)).update(data).digest('hex'),
    );
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
