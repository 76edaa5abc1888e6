import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import {
  AddSampleFileRpc,
  AddSampleRpc,
  GetCreatorRpc,
  GetFileRpc,
  GetOwnProfileRpc,
  PHOTO_MAX_BYTES,
  SAMPLE_FILE_MAX_BYTES,
  UploadPhotoRpc,
} from '@glimmer/contracts/network/creator.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';
import { FileStorage, LocalDiskFileStorage } from '../files/file-storage';

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1');
const MP4 = Buffer.concat([
  Buffer.from('\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom', 'latin1'),
  Buffer.alloc(64, 7),
]);
const b64 = (b: Buffer) => b.toString('base64');
const keyOf = (url: string) => url.split('/').pop()!;

describe('creator-network: photos and work samples as files (over the broker)', () => {
  let t: NetworkTestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glimmer-files-'));
    // The storage directory's older name still works when FILE_STORAGE_DIR is unset.
    process.env.PHOTO_STORAGE_DIR = dir;
    try {
      t = await NetworkTestApp.start('files');
    } finally {
      delete process.env.PHOTO_STORAGE_DIR;
    }
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('profile photos', () => {
    it('stores a photo told by its bytes under a random key and shows it on the profile', async () => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const png = await t.call(UploadPhotoRpc, { actor: creator, contentBase64: b64(PNG) });
      expect(png).toEqual({
        photoUrl: expect.stringMatching(/^\/v1\/files\/[0-9a-f-]{36}\.png$/),
        contentType: 'image/png',
        size: PNG.length,
      });
      const storage = t.app.get(FileStorage) as LocalDiskFileStorage;
      const key = keyOf(png.photoUrl);
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
      // a PDF is a fine sample but not a photo
      await expectError(
        t.call(UploadPhotoRpc, { actor: creator, contentBase64: b64(PDF) }),
        'unsupported_media_type',
      );
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

    it('shows a photo stored before files were served at its /v1/files URL', async () => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const key = `${randomUUID()}.png`;
      await t.app.get(FileStorage).put(key, PNG, 'image/png');
      await t.sql(`update creator set photo_url = $1, photo_key = $2 where id = $3`, [
        `/photos/${key}`,
        key,
        accepted.creatorId,
      ]);
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).photoUrl).toBe(
        `/v1/files/${key}`,
      );
      const file = await t.call(GetFileRpc, { actor: brand, key });
      expect(file).toMatchObject({ key, contentType: 'image/png', size: PNG.length });
      expect(Buffer.from(file.contentBase64, 'base64')).toEqual(PNG);
    });
  });

  describe('work samples as files', () => {
    it('stores a PDF and an MP4 told by their bytes, beside link samples, on the profile', async () => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const link = await t.call(AddSampleRpc, {
        actor: creator,
        title: 'Portfolio',
        url: 'https://portfolio.example/ada',
      });
      expect(link).toMatchObject({ url: 'https://portfolio.example/ada', file: null });

      const pdf = await t.call(AddSampleFileRpc, {
        actor: creator,
        title: '  Autumn lookbook ',
        description: '24 photos',
        contentBase64: b64(PDF),
      });
      expect(pdf).toEqual({
        id: expect.any(String),
        title: 'Autumn lookbook',
        url: null,
        file: {
          url: expect.stringMatching(/^\/v1\/files\/[0-9a-f-]{36}\.pdf$/),
          contentType: 'application/pdf',
          size: PDF.length,
        },
        description: '24 photos',
        createdAt: expect.any(String),
      });
      expect(await readFile(join(dir, keyOf(pdf.file!.url)))).toEqual(PDF);

      const mp4 = await t.call(AddSampleFileRpc, {
        actor: creator,
        title: 'Showreel',
        contentBase64: b64(MP4),
      });
      expect(mp4.file).toEqual({
        url: expect.stringMatching(/^\/v1\/files\/[0-9a-f-]{36}\.mp4$/),
        contentType: 'video/mp4',
        size: MP4.length,
      });
      expect(mp4.description).toBeNull();

      const [row] = await t.sql<Record<string, unknown>>(
        `select url, file_key, file_url, file_content_type, file_size from work_sample where id = $1`,
        [mp4.id],
      );
      expect(row).toEqual({
        url: null,
        file_key: keyOf(mp4.file!.url),
        file_url: mp4.file!.url,
        file_content_type: 'video/mp4',
        file_size: MP4.length,
      });

      const own = await t.call(GetOwnProfileRpc, { actor: creator });
      expect(own.samples).toEqual([link, pdf, mp4]);
      const seen = await t.call(GetCreatorRpc, { actor: brand, creatorId: accepted.creatorId });
      expect(seen.samples).toEqual([link, pdf, mp4]);
    });

    it('refuses text renamed .pdf, empty and oversized files, and non-creators; stores nothing', async () => {
      const brand = brandActor();
      const { actor: creator } = await t.creatorIn(brand);
      const sample = (contentBase64: string, actor: Actor = creator) =>
        t.call(AddSampleFileRpc, { actor, title: 'Report', contentBase64 });

      const text = await expectError(
        sample(b64(Buffer.from('Quarterly report\nJust text, named report.pdf\n'))),
        'unsupported_media_type',
      );
      expect(text.status).toBe(415);
      await expectError(sample(''), 'validation_failed');
      const empty = await expectError(sample(b64(Buffer.alloc(0))), 'validation_failed');
      expect(empty.status).toBe(400);
      const big = Buffer.concat([PDF, Buffer.alloc(SAMPLE_FILE_MAX_BYTES)]).subarray(
        0,
        SAMPLE_FILE_MAX_BYTES + 1,
      );
      const tooLarge = await expectError(sample(b64(big)), 'payload_too_large');
      expect(tooLarge.status).toBe(413);
      // exactly the limit is fine
      const atLimit = await sample(b64(big.subarray(0, SAMPLE_FILE_MAX_BYTES)));
      expect(atLimit.file).toMatchObject({
        contentType: 'application/pdf',
        size: SAMPLE_FILE_MAX_BYTES,
      });
      await expectError(sample(b64(PDF), brand), 'forbidden');
      // a missing title is the contract's validation
      await expectError(
        t.call(AddSampleFileRpc, { actor: creator, title: '', contentBase64: b64(PDF) }),
        'validation_failed',
      );
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).samples).toEqual([atLimit]);
    });
  });

  describe('reading stored files', () => {
    let owner: Actor;
    let inNetwork: BrandActor;
    let pdfKey: string;
    let photoKey: string;
    beforeAll(async () => {
      inNetwork = brandActor();
      ({ actor: owner } = await t.creatorIn(inNetwork));
      const pdf = await t.call(AddSampleFileRpc, {
        actor: owner,
        title: 'Deck',
        contentBase64: b64(PDF),
      });
      pdfKey = keyOf(pdf.file!.url);
      photoKey = keyOf(
        (await t.call(UploadPhotoRpc, { actor: owner, contentBase64: b64(JPEG) })).photoUrl,
      );
    });

    it('serves the owner their files, with the stored type', async () => {
      const pdf = await t.call(GetFileRpc, { actor: owner, key: pdfKey });
      expect(pdf).toEqual({
        key: pdfKey,
        contentType: 'application/pdf',
        size: PDF.length,
        contentBase64: b64(PDF),
      });
      const photo = await t.call(GetFileRpc, { actor: owner, key: photoKey });
      expect(photo).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length });
      expect(Buffer.from(photo.contentBase64, 'base64')).toEqual(JPEG);
    });

    it('serves a brand whose network the creator is in', async () => {
      const pdf = await t.call(GetFileRpc, { actor: inNetwork, key: pdfKey });
      expect(Buffer.from(pdf.contentBase64, 'base64')).toEqual(PDF);
      const photo = await t.call(GetFileRpc, { actor: inNetwork, key: photoKey });
      expect(photo.contentType).toBe('image/jpeg');
      // another member of the same brand too
      const colleague = brandActor({ brandId: inNetwork.brandId });
      await expect(t.call(GetFileRpc, { actor: colleague, key: pdfKey })).resolves.toMatchObject({
        contentType: 'application/pdf',
      });
    });

    it('is not found for an out-of-network brand, another creator and ops', async () => {
      const outsider = brandActor();
      const { actor: otherCreator } = await t.creatorIn(brandActor());
      const ops: Actor = { userId: randomUUID(), role: 'ops', email: 'ops@glimmer.test' };
      for (const actor of [outsider, otherCreator, ops]) {
        for (const key of [pdfKey, photoKey]) {
          const err = await expectError(t.call(GetFileRpc, { actor, key }), 'not_found');
          expect(err.status).toBe(404);
        }
      }
    });

    it('is not found for unknown, unsafe and no-longer-used keys', async () => {
      for (const key of [
        `${randomUUID()}.pdf`,
        '../../etc/passwd',
        `../${pdfKey}`,
        pdfKey.toUpperCase(),
        'photos',
        '',
      ]) {
        await expectError(t.call(GetFileRpc, { actor: owner, key }), 'not_found');
      }
      // a replaced photo is no longer anyone's: its bytes stay on disk, unserved
      await t.call(UploadPhotoRpc, { actor: owner, contentBase64: b64(PNG) });
      await expectError(t.call(GetFileRpc, { actor: owner, key: photoKey }), 'not_found');
      // a key recorded in the database whose bytes are missing from the storage
      await rm(join(dir, pdfKey));
      await expectError(t.call(GetFileRpc, { actor: owner, key: pdfKey }), 'not_found');
    });
  });
});
