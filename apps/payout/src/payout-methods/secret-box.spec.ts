import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

const key = () => randomBytes(32).toString('base64');

describe('SecretBox (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time and no plaintext in the ciphertext', () => {
    const box = new SecretBox(key());
    const a = box.seal('{"accountNumber":"12345678"}', 'method-1');
    const b = box.seal('{"accountNumber":"12345678"}', 'method-1');
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.ciphertext, 'base64').toString('latin1')).not.toContain('12345678');
    expect(box.open(a, 'method-1')).toBe('{"accountNumber":"12345678"}');
    expect(a.keyId).toBe(box.currentKeyId);
  });

  it('refuses a ciphertext moved to another row or tampered with', () => {
    const box = new SecretBox(key());
    const sealed = box.seal('secret', 'method-1');
    expect(() => box.open(sealed, 'method-2')).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() =>
      box.open({ ...sealed, ciphertext: bytes.toString('base64') }, 'method-1'),
    ).toThrow();
  });

  it('opens secrets sealed with a previous key after a rotation, and seals with the new one', () => {
    const oldKey = key();
    const sealed = new SecretBox(oldKey).seal('secret', 'm');
    const rotated = new SecretBox(key(), [oldKey]);
    expect(rotated.open(sealed, 'm')).toBe('secret');
    expect(rotated.seal('secret', 'm').keyId).not.toBe(sealed.keyId);
    expect(() => new SecretBox(key()).open(sealed, 'm')).toThrow(/not configured/);
  });
});

describe('SecretBox.keyedHash (idempotency hash of payout details)', () => {
  const details =
    '["local_bank_transfer","GB",[["accountNumber","31926819"],["sortCode","601613"]]]';

  it('is the same for the same key and differs under another key', () => {
    const k = key();
    expect(new SecretBox(k).keyedHash(details)).toBe(new SecretBox(k).keyedHash(details));
    expect(new SecretBox(key()).keyedHash(details)).not.toBe(new SecretBox(k).keyedHash(details));
  });

  it('cannot be recomputed from guessed details without the key (not a plain SHA-256)', () => {
    const k = key();
    const hash = new SecretBox(k).keyedHash(details);
    expect(hash).not.toBe(createHash('sha256').update(details).digest('hex'));
    expect(hash).not.toBe(
      createHmac('sha256', Buffer.from(k, 'base64')).update(details).digest('hex'),
    );
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('still matches a hash written under a key that was rotated out', () => {
    const old = key();
    const written = new SecretBox(old).keyedHash(details);
    const rotated = new SecretBox(key(), [old]);
    expect(rotated.keyedHash(details)).not.toBe(written);
    expect(rotated.keyedHashes(details)).toContain(written);
  });
});
