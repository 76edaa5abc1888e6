import { createHash, randomUUID } from 'node:crypto';
import { access, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import {
  AddSampleFileRpc,
  AddSampleRpc,
  GetCreatorRpc,
  GetFileRpc,
  GetOwnProfileRpc,
  PHOTO_MAX_BYTES,
  RecordPhotoRpc,
  RemoveSampleRpc,
  type SampleFileContentType,
  type StoredFileInput,
} from '@glimmer/contracts/network/creator.messages';
import { FileStorage } from '@glimmer/storage/file-storage';
import { FILE_EXTENSIONS } from '@glimmer/storage/file-type';
import { LocalDiskFileStorage } from '@glimmer/storage/local-disk.file-storage';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { OrphanFileSweeper } from '../files/orphan-file-sweeper';
import { NetworkTestApp } from '../testing/network-test-app';

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1');
const MP4 = Buffer.concat([
  Buffer.from('\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom', 'latin1'),
  Buffer.alloc(64, 7),
]);
const KB = 1024;
const keyOf = (url: string) => url.split('/').pop()!;
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** A quota small enough to reach: 1 MiB and 4 files per creator. */
const QUOTA = { UPLOAD_QUOTA_BYTES: String(1024 * KB), UPLOAD_QUOTA_FILES: '4' };

describe('creator-network: photos and work samples as files (over the broker)', () => {
  let t: NetworkTestApp;
  let dir: string;
  let storage: LocalDiskFileStorage;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glimmer-files-'));
    // The storage directory's older name still works when FILE_STORAGE_DIR is unset.
    t = await NetworkTestApp.start('files', {
      overrides: { PHOTO_STORAGE_DIR: dir, ...QUOTA },
    });
    storage = t.app.get(FileStorage) as LocalDiskFileStorage;
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** What the gateway does first: the bytes into the storage, measured. */
  const stored = async (
    bytes: Buffer,
    contentType: SampleFileContentType,
  ): Promise<StoredFileInput> => {
    const key = `${randomUUID()}.${FILE_EXTENSIONS[contentType]}`;
    const { size, sha256 } = await storage.put(key, Readable.from([bytes]), contentType);
    return { key, contentType, size, sha256 };
  };
  /** A file of `size` bytes that is a PDF by its first bytes. */
  const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 1)]);
  const onDisk = (key: string) => exists(join(dir, key));

  describe('profile photos', () => {
    it('records a stored photo on the profile; a new one replaces it and deletes the old file', async () => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const pngFile = await stored(PNG, 'image/png');
      const png = await t.call(RecordPhotoRpc, { actor: creator, file: pngFile });
      expect(png).toEqual({
        photoUrl: `/v1/files/${pngFile.key}`,
        contentType: 'image/png',
        size: PNG.length,
      });
      expect(storage.pathOf(pngFile.key)).toBe(join(dir, pngFile.key));
      const [row] = await t.sql<Record<string, unknown>>(
        `select photo_url, photo_key, photo_content_type, photo_size, photo_sha256
           from creator where id = $1`,
        [accepted.creatorId],
      );
      expect(row).toEqual({
        photo_url: png.photoUrl,
        photo_key: pngFile.key,
        photo_content_type: 'image/png',
        photo_size: PNG.length,
        photo_sha256: createHash('sha256').update(PNG).digest('hex'),
      });
      // the same request again (a redelivery) changes nothing and deletes nothing
      await expect(t.call(RecordPhotoRpc, { actor: creator, file: pngFile })).resolves.toEqual(png);
      expect(await onDisk(pngFile.key)).toBe(true);

      const jpegFile = await stored(JPEG, 'image/jpeg');
      const jpeg = await t.call(RecordPhotoRpc, { actor: creator, file: jpegFile });
      expect(jpeg.photoUrl).toBe(`/v1/files/${jpegFile.key}`);
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).photoUrl).toBe(jpeg.photoUrl);
      expect(
        (await t.call(GetCreatorRpc, { actor: brand, creatorId: accepted.creatorId })).photoUrl,
      ).toBe(jpeg.photoUrl);
      // the replaced photo's file is gone from the disk
      expect(await onDisk(pngFile.key)).toBe(false);
      expect(await onDisk(jpegFile.key)).toBe(true);
    });

    it('refuses other types, oversized photos, non-creators and files not in the storage', async () => {
      const brand = brandActor();
      const { actor: creator } = await t.creatorIn(brand);
      const pdf = await stored(PDF, 'application/pdf');
      // a PDF is a fine sample but not a photo
      const notPhoto = await expectError(
        t.call(RecordPhotoRpc, { actor: creator, file: pdf }),
        'unsupported_media_type',
      );
      expect(notPhoto.status).toBe(415);
      const png = await stored(PNG, 'image/png');
      await expectError(
        t.call(RecordPhotoRpc, { actor: creator, file: { ...png, size: PHOTO_MAX_BYTES + 1 } }),
        'payload_too_large',
      );
      await expectError(t.call(RecordPhotoRpc, { actor: brand, file: png }), 'forbidden');
      // metadata only: a key, a type, a size and a hash, each checked
      await expectError(
        t.call(RecordPhotoRpc, { actor: creator, file: { ...png, key: '../etc/passwd' } }),
        'validation_failed',
      );
      await expectError(
        t.call(RecordPhotoRpc, { actor: creator, file: { ...png, sha256: 'x' } }),
        'validation_failed',
      );
      // the gateway and this service must share the storage: a file it cannot see is refused
      const elsewhere = { ...png, key: `${randomUUID()}.png` };
      const missing = await expectError(
        t.call(RecordPhotoRpc, { actor: creator, file: elsewhere }),
        'dependency_unavailable',
      );
      expect(missing.status).toBe(503);
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).photoUrl).toBeNull();
    });

    it('shows a photo stored before files were served at its /v1/files URL, typed by its key', async () => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const { key } = await stored(PNG, 'image/png');
      await t.sql(`update creator set photo_url = $1, photo_key = $2 where id = $3`, [
        `/photos/${key}`,
        key,
        accepted.creatorId,
      ]);
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).photoUrl).toBe(
        `/v1/files/${key}`,
      );
      const file = await t.call(GetFileRpc, { actor: brand, key });
      expect(file).toEqual({ key, contentType: 'image/png', size: PNG.length });
    });
  });

  describe('work samples as files', () => {
    it('records a stored PDF and MP4 beside link samples, on the profile, once per key', async () => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const link = await t.call(AddSampleRpc, {
        actor: creator,
        title: 'Portfolio',
        url: 'https://portfolio.example/ada',
      });
      expect(link).toMatchObject({ url: 'https://portfolio.example/ada', file: null });

      const pdfFile = await stored(PDF, 'application/pdf');
      const pdf = await t.call(AddSampleFileRpc, {
        actor: creator,
        title: '  Autumn lookbook ',
        description: '24 photos',
        file: pdfFile,
      });
      expect(pdf).toEqual({
        id: expect.any(String),
        title: 'Autumn lookbook',
        url: null,
        file: { url: `/v1/files/${pdfFile.key}`, contentType: 'application/pdf', size: PDF.length },
        description: '24 photos',
        createdAt: expect.any(String),
      });
      // a redelivered request answers the same sample
      await expect(
        t.call(AddSampleFileRpc, { actor: creator, title: 'Autumn lookbook', file: pdfFile }),
      ).resolves.toEqual(pdf);

      const mp4File = await stored(MP4, 'video/mp4');
      const mp4 = await t.call(AddSampleFileRpc, {
        actor: creator,
        title: 'Showreel',
        file: mp4File,
      });
      expect(mp4.file).toEqual({
        url: `/v1/files/${mp4File.key}`,
        contentType: 'video/mp4',
        size: MP4.length,
      });
      const [row] = await t.sql<Record<string, unknown>>(
        `select url, file_key, file_content_type, file_size, file_sha256 from work_sample
          where id = $1`,
        [mp4.id],
      );
      expect(row).toEqual({
        url: null,
        file_key: mp4File.key,
        file_content_type: 'video/mp4',
        file_size: MP4.length,
        file_sha256: mp4File.sha256,
      });

      const own = await t.call(GetOwnProfileRpc, { actor: creator });
      expect(own.samples).toEqual([link, pdf, mp4]);
      const seen = await t.call(GetCreatorRpc, { actor: brand, creatorId: accepted.creatorId });
      expect(seen.samples).toEqual([link, pdf, mp4]);
    });

    it('removes a sample and then its file; another creator’s sample is not found', async () => {
      const brand = brandActor();
      const { actor: creator } = await t.creatorIn(brand);
      const { actor: other } = await t.creatorIn(brand);
      const file = await stored(PDF, 'application/pdf');
      const sample = await t.call(AddSampleFileRpc, { actor: creator, title: 'Deck', file });
      const link = await t.call(AddSampleRpc, {
        actor: creator,
        title: 'Site',
        url: 'https://example.com',
      });
      await expectError(
        t.call(RemoveSampleRpc, { actor: other, sampleId: sample.id }),
        'not_found',
      );
      expect(await onDisk(file.key)).toBe(true);
      await expect(
        t.call(RemoveSampleRpc, { actor: creator, sampleId: sample.id }),
      ).resolves.toEqual({ id: sample.id });
      expect(await onDisk(file.key)).toBe(false);
      await t.call(RemoveSampleRpc, { actor: creator, sampleId: link.id });
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).samples).toEqual([]);
      await expectError(
        t.call(RemoveSampleRpc, { actor: creator, sampleId: sample.id }),
        'not_found',
      );
    });
  });

  describe('quota per creator (1 MiB, 4 files here)', () => {
    it('refuses the file that would pass the bytes (413) and the file count (409)', async () => {
      const { actor: creator } = await t.creatorIn(brandActor());
      const add = async (size: number) =>
        t.call(AddSampleFileRpc, {
          actor: creator,
          title: `${size} B`,
          file: await stored(pdfOf(size), 'application/pdf'),
        });
      const first = await add(400 * KB);
      await add(400 * KB);
      const over = await expectError(add(300 * KB), 'upload_quota_bytes_exceeded');
      expect(over.status).toBe(413);
      expect(over.message).toMatch(/past 1 MB/);
      expect(over.extra.meta).toEqual({
        usedFiles: 2,
        usedBytes: 800 * KB,
        maxFiles: 4,
        maxBytes: 1024 * KB,
      });

      // a photo counts too; replacing it frees its own bytes and place
      await t.call(RecordPhotoRpc, {
        actor: creator,
        file: await stored(Buffer.concat([PNG, Buffer.alloc(100 * KB)]), 'image/png'),
      });
      await t.call(RecordPhotoRpc, {
        actor: creator,
        file: await stored(Buffer.concat([PNG, Buffer.alloc(200 * KB)]), 'image/png'),
      });
      await add(KB);
      const full = await expectError(add(KB), 'upload_quota_files_exceeded');
      expect(full.status).toBe(409);
      expect(full.message).toMatch(/4 of the 4 files/);

      // removing a sample makes room
      await t.call(RemoveSampleRpc, { actor: creator, sampleId: first.id });
      await expect(add(300 * KB)).resolves.toMatchObject({ file: { size: 300 * KB } });
    });

    it('counts one creator’s uploads one after another, however many arrive at once', async () => {
      const { actor: creator } = await t.creatorIn(brandActor());
      const files = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() => stored(pdfOf(300 * KB), 'application/pdf')),
      );
      const results = await Promise.allSettled(
        files.map((file) => t.call(AddSampleFileRpc, { actor: creator, title: 'x', file })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect((await t.call(GetOwnProfileRpc, { actor: creator })).samples).toHaveLength(3);
    });
  });

  describe('the orphan sweep', () => {
    it('deletes stored files nothing refers to once they are older than the grace period', async () => {
      const { actor: creator } = await t.creatorIn(brandActor());
      const recorded = await stored(PDF, 'application/pdf');
      await t.call(AddSampleFileRpc, { actor: creator, title: 'Kept', file: recorded });
      // stored by the gateway, but its metadata never committed (a timeout, a crash)
      const orphan = await stored(PDF, 'application/pdf');
      const fresh = await stored(PDF, 'application/pdf');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      for (const { key } of [recorded, orphan])
        await utimes(join(dir, key), twoHoursAgo, twoHoursAgo);

      const deleted = await t.app.get(OrphanFileSweeper).sweep();
      expect(deleted).toContain(orphan.key);
      expect(deleted).not.toContain(recorded.key);
      expect(await onDisk(orphan.key)).toBe(false);
      expect(await onDisk(recorded.key)).toBe(true);
      // younger than FILE_ORPHAN_GRACE_MS: its upload may still be on its way to being recorded
      expect(await onDisk(fresh.key)).toBe(true);
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
        file: await stored(PDF, 'application/pdf'),
      });
      pdfKey = keyOf(pdf.file!.url);
      const photo = await t.call(RecordPhotoRpc, {
        actor: owner,
        file: await stored(JPEG, 'image/jpeg'),
      });
      photoKey = keyOf(photo.photoUrl);
    });

    it('answers the owner their files’ metadata, with the stored type (never their bytes)', async () => {
      await expect(t.call(GetFileRpc, { actor: owner, key: pdfKey })).resolves.toEqual({
        key: pdfKey,
        contentType: 'application/pdf',
        size: PDF.length,
      });
      await expect(t.call(GetFileRpc, { actor: owner, key: photoKey })).resolves.toEqual({
        key: photoKey,
        contentType: 'image/jpeg',
        size: JPEG.length,
      });
    });

    it('answers a brand whose network the creator is in', async () => {
      await expect(t.call(GetFileRpc, { actor: inNetwork, key: pdfKey })).resolves.toMatchObject({
        contentType: 'application/pdf',
      });
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
      // a replaced photo is no longer anyone's (and its file is deleted)
      await t.call(RecordPhotoRpc, { actor: owner, file: await stored(PNG, 'image/png') });
      await expectError(t.call(GetFileRpc, { actor: owner, key: photoKey }), 'not_found');
      // a key recorded in the database whose bytes are missing from the storage
      await rm(join(dir, pdfKey));
      await expectError(t.call(GetFileRpc, { actor: owner, key: pdfKey }), 'not_found');
    });
  });
});
