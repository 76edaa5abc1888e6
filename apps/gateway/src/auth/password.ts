import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { Semaphore, SemaphoreOptions } from './semaphore';

/**
 * Password hashing with scrypt (node:crypto). The stored form names its parameters so they can
 * be raised later without breaking existing hashes: `scrypt$N$r$p$<salt>$<hash>` (base64).
 */
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

/**
 * Every scrypt run in the process goes through this semaphore (libuv's pool has 4 threads):
 * at most `concurrency` at once, the rest queue (bounded, with a deadline).
 */
let hashing = new Semaphore({ concurrency: 2, queueMax: 100, queueTimeoutMs: 3_000 });

/** Sets the hashing limits (AuthModule does, from PASSWORD_HASH_* config). */
export function configurePasswordHashing(options: SemaphoreOptions): void {
  hashing = new Semaphore(options);
}

function derive(
  password: string,
  salt: Buffer,
  params: ScryptOptions,
  keyLength: number,
): Promise<Buffer> {
  return hashing.run(() => scryptAsync(password, salt, params, keyLength));
}

function scryptAsync(
  password: string,
  salt: Buffer,
  params: ScryptOptions,
  keyLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { ...params, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or an unreadable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (
    scheme !== 'scrypt' ||
    !saltB64 ||
    !keyB64 ||
    !Object.values(params).every(Number.isSafeInteger)
  )
    return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await derive(password, Buffer.from(saltB64, 'base64'), params, expected.length);
  return expected.length > 0 && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when no account has the email, so a login for an unknown email
 * takes as long as one with a wrong password and does not reveal which emails exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
