import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetCreatorRpc,
  GetOwnProfileRpc,
  PHOTO_MAX_BYTES,
  UploadPhotoRpc,
} from '@glimmer/contracts/network/creator.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';
import { LocalDiskPhotoStorage, PhotoStorage } from './photo-storage';

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const b64 = (b: Buffer) => b.toString('base64');

describe('creator-network: profile photos (over the broker)', () => {
  let t: NetworkTestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glimmer-photos-'));
    process.env.PHOTO_STORAGE_DIR = dir;
    try {
      t = await NetworkTestApp.start('photos');
    } finally {
      delete process.env.PHOTO_STORAGE_DIR;
    }
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a photo told by its bytes under a random key and shows it on the profile', async () => {
    const brand = brandActor();
    const { actor: creator, accepted } = await t.creatorIn(brand);
    const png = await t.call(UploadPhotoRpc, { actor: creator, contentBase64: b64(PNG) });
    expect(png).toEqual({
      photoUrl: expect.stringMatching(/^\/photos\/[0-9a-f-]{36}\.png$/),
      contentType: 'image/png',
      size: PNG.length,
    });
    const storage = t.app.get(PhotoStorage) as LocalDiskPhotoStorage;
    const key = png.photoUrl.split('/').pop()!;
    expect(storage.pathOf(key)).toBe(join(dir, key));
    expect(await readFile(join(dir, key))).toEqual(PNG);
    const [row] = await t.sql<{ photo_url: string; photo_key: string }>(
      `select photo_url, photo_key from creator where id = $1`,
      [accepted.creatorId],
    );
    expect(row).toEqual({ photo_url: png.photoUrl, photo_key: key });

    // a new photo replaces it, under a new key
    const jpeg = await t.call(UploadPhotoRpc, { actor: creator, contentBase64: b64(JPEG) });
    expect(jpeg.contentType).toBe('image/jpeg');
    expect(jpeg.photoUrl).toMatch(/\.jpg$/);
    expect(jpeg.photoUrl).not.toBe(png.photoUrl);
    expect((await t.call(GetOwnProfileRpc, { actor: creator })).photoUrl).toBe(jpeg.photoUrl);
    expect(
      (await t.call(GetCreatorRpc, { actor: brand, creatorId: accepted.creatorId })).photoUrl,
    ).toBe(jpeg.photoUrl);
  });

  it('refuses other types, empty and oversized photos, and non-creators', async () => {
    const brand = brandActor();
    const { actor: creator } = await t.creatorIn(brand);
    const text = await expectError(
      t.call(UploadPhotoRpc, { actor: creator, contentBase64: b64(Buffer.from('hello.png')) }),
      'unsupported_media_type',
    );
    expect(text.status).toBe(415);
    await expectError(
      t.call(UploadPhotoRpc, { actor: creator, contentBase64: '' }),
      'validation_failed',
    );
    const big = Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES)]).subarray(
      0,
      PHOTO_MAX_BYTES + 1,
    );
    await expectError(
      t.call(UploadPhotoRpc, { actor: creator, contentBase64: b64(big) }),
      'payload_too_large',
    );
    await expectError(
      t.call(UploadPhotoRpc, { actor: brand, contentBase64: b64(PNG) }),
      'forbidden',
    );
    expect((await t.call(GetOwnProfileRpc, { actor: creator })).photoUrl).toBeNull();
  });
});
