import { randomBytes } from 'node:crypto';
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
