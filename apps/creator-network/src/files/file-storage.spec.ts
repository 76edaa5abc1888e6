import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NetworkConfig } from '../creator-network.config';
import { FileStorage, isSafeFileKey, LocalDiskFileStorage, publicFileUrl } from './file-storage';

const KEY = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.pdf';
const storageIn = (dirs: Partial<NetworkConfig>) =>
  new LocalDiskFileStorage({ PHOTO_STORAGE_DIR: 'var/photos', ...dirs } as NetworkConfig);

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

  it('puts bytes under a key once, answers their URL and gets them back', async () => {
    const storage: FileStorage = storageIn({ FILE_STORAGE_DIR: dir });
    const bytes = Buffer.from('%PDF-1.7\n');
    expect(await storage.put(KEY, bytes, 'application/pdf')).toEqual({ url: `/v1/files/${KEY}` });
    expect(await storage.get(KEY)).toEqual(bytes);
    await expect(storage.put(KEY, bytes, 'application/pdf')).rejects.toThrow();
    expect(await storage.get(KEY.replace('3f1c', '0000'))).toBeNull();
  });

  it('never turns an unsafe key into a path', async () => {
    const storage = storageIn({ FILE_STORAGE_DIR: dir });
    expect(await storage.get('../../etc/passwd')).toBeNull();
    expect(() => storage.pathOf('../x.pdf')).toThrow(/unsafe/);
    await expect(
      (storage as FileStorage).put('../x.pdf', Buffer.from('x'), 'application/pdf'),
    ).rejects.toThrow(/unsafe/);
  });
});

describe('file keys and URLs', () => {
  it('accepts only the keys uploads are stored under', () => {
    expect(isSafeFileKey(KEY)).toBe(true);
    expect(isSafeFileKey(KEY.replace('.pdf', '.mp4'))).toBe(true);
    for (const key of ['', 'x.pdf', `${KEY}/..`, `../${KEY}`, KEY.toUpperCase(), `${KEY}.exe`])
      expect(isSafeFileKey(key)).toBe(false);
  });

  it('shows photos stored at /photos/<key> at /v1/files/<key>', () => {
    expect(publicFileUrl(`/photos/${KEY}`)).toBe(`/v1/files/${KEY}`);
    expect(publicFileUrl(`/v1/files/${KEY}`)).toBe(`/v1/files/${KEY}`);
  });
});
