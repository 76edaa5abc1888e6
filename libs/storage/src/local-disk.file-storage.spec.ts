import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileStorage, isSafeFileKey } from './file-storage';
import { LocalDiskFileStorage } from './local-disk.file-storage';
import type { StorageConfig } from './storage.config';

const KEY = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.pdf';
const OTHER = KEY.replace('3f1c', '0000');
const storageIn = (dirs: Partial<StorageConfig>) =>
  new LocalDiskFileStorage({ PHOTO_STORAGE_DIR: 'var/photos', ...dirs });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('LocalDiskFileStorage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glimmer-storage-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps files under FILE_STORAGE_DIR, else PHOTO_STORAGE_DIR (its older name)', () => {
    expect(storageIn({}).pathOf(KEY)).toBe(resolve('var/photos', KEY));
    expect(storageIn({ PHOTO_STORAGE_DIR: dir }).pathOf(KEY)).toBe(join(dir, KEY));
    expect(storageIn({ FILE_STORAGE_DIR: dir, PHOTO_STORAGE_DIR: '/elsewhere' }).pathOf(KEY)).toBe(
      join(dir, KEY),
    );
  });

  it('streams bytes in under a key once, measuring them, and streams them back', async () => {
    const storage: FileStorage = storageIn({ FILE_STORAGE_DIR: dir });
    const body = '%PDF-1.7\n'.repeat(10_000);
    const stored = await storage.put(KEY, Readable.from([body.slice(0, 7), body.slice(7)]), 'x');
    expect(stored).toEqual({ size: body.length, sha256: sha256(body) });
    const opened = await storage.open(KEY);
    expect(opened?.size).toBe(body.length);
    expect(await text(opened!.stream)).toBe(body);
    expect(await storage.size(KEY)).toBe(body.length);
    await expect(storage.put(KEY, Readable.from(['again']), 'x')).rejects.toThrow();
    expect(await text((await storage.open(KEY))!.stream)).toBe(body);
    expect(await storage.open(OTHER)).toBeNull();
    expect(await storage.size(OTHER)).toBeNull();
    // nothing half-written is left behind
    expect(await readdir(join(dir, '.incoming'))).toEqual([]);
  });

  it('leaves nothing under the key when the body fails midway', async () => {
    const storage = storageIn({ FILE_STORAGE_DIR: dir });
    const failing = new Readable({
      read() {
        this.push('%PDF-');
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(KEY, failing, 'application/pdf')).rejects.toThrow(/went away/);
    expect(await storage.open(KEY)).toBeNull();
    expect(await readdir(join(dir, '.incoming'))).toEqual([]);
  });

  it('deletes (twice is fine) and lists keys written before a time, pruning leftovers', async () => {
    const storage = storageIn({ FILE_STORAGE_DIR: dir });
    await storage.put(KEY, Readable.from(['old']), 'x');
    await storage.put(OTHER, Readable.from(['new']), 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, KEY), hourAgo, hourAgo);
    await writeFile(join(dir, 'README.txt'), 'not ours');
    await mkdir(join(dir, '.incoming'), { recursive: true });
    await writeFile(join(dir, '.incoming', `${KEY}.crashed`), 'half');
    await utimes(join(dir, '.incoming', `${KEY}.crashed`), hourAgo, hourAgo);

    const keys: string[] = [];
    for await (const key of storage.keysWrittenBefore(new Date(Date.now() - 60_000)))
      keys.push(key);
    expect(keys).toEqual([KEY]);
    expect(await readdir(join(dir, '.incoming'))).toEqual([]);

    await storage.delete(KEY);
    await storage.delete(KEY);
    expect(await storage.open(KEY)).toBeNull();
    expect(await storage.size(OTHER)).toBe(3);
  });

  it('never turns an unsafe key into a path', async () => {
    const storage = storageIn({ FILE_STORAGE_DIR: dir });
    expect(await storage.open('../../etc/passwd')).toBeNull();
    expect(() => storage.pathOf('../x.pdf')).toThrow(/unsafe/);
    await expect(storage.put('../x.pdf', Readable.from(['x']), 'application/pdf')).rejects.toThrow(
      /unsafe/,
    );
    await expect(storage.delete('../x.pdf')).rejects.toThrow(/unsafe/);
  });
});

describe('file keys', () => {
  it('accepts only the keys uploads are stored under', () => {
    expect(isSafeFileKey(KEY)).toBe(true);
    expect(isSafeFileKey(KEY.replace('.pdf', '.mp4'))).toBe(true);
    for (const key of ['', 'x.pdf', `${KEY}/..`, `../${KEY}`, KEY.toUpperCase(), `${KEY}.exe`])
      expect(isSafeFileKey(key)).toBe(false);
  });
});
