import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@glimmer/testing/eventually';
import { onboardCreator, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

const KB = 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (fill: number) => Buffer.concat([PNG_SIGNATURE, Buffer.alloc(2 * KB, fill)]);
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x61)]);

/**
 * Uploads through the whole system: the gateway streams each file into the file storage (a
 * directory both the gateway and creator-network use), creator-network records its metadata
 * within the creator's quota (1 MiB and 3 files here) and deletes what was replaced or removed.
 */
describe('uploads end to end: storage, quota, replaced and removed files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glimmer-e2e-files-'));
  const system = new GlimmerSystem('uploads', {
    FILE_STORAGE_DIR: dir,
    UPLOAD_QUOTA_BYTES: String(1024 * KB),
    UPLOAD_QUOTA_FILES: '3',
  });
  let anon: Api;
  let brand: SignedUpBrand;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon);
  });
  afterAll(async () => {
    await system.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () => readdirSync(dir).filter((name) => !name.startsWith('.'));
  const keyOf = (url: string) => url.split('/').pop()!;

  const upload = async (
    token: string,
    path: string,
    field: string,
    bytes: Buffer,
    title?: string,
  ) => {
    const form = new FormData();
    if (title) form.append('title', title);
    form.append(field, new Blob([new Uint8Array(bytes)]), 'upload.bin');
    const res = await fetch(`${system.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as any,
    };
  };
  const download = async (token: string, url: string) => {
    const res = await fetch(`${system.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it("deletes a replaced photo's file from the disk; the new one downloads for creator and brand", async () => {
    const creator = await onboardCreator(anon, system.smtp, brand, 'Creator');
    const first = await upload(creator.token, '/v1/me/profile/photo', 'photo', png(1));
    expect(first.status).toBe(201);
    const firstKey = keyOf(first.body.photoUrl);
    expect(readFileSync(join(dir, firstKey)).equals(png(1))).toBe(true);

    const second = await upload(creator.token, '/v1/me/profile/photo', 'photo', png(2));
    expect(second.status).toBe(201);
    expect(existsSync(join(dir, firstKey))).toBe(false);
    expect((await creator.api.get('/v1/me/profile')).body.photoUrl).toBe(second.body.photoUrl);
    for (const token of [creator.token, brand.token]) {
      const served = await download(token, second.body.photoUrl);
      expect(served.status).toBe(200);
      expect(served.bytes.equals(png(2))).toBe(true);
    }
    expect((await download(creator.token, first.body.photoUrl)).status).toBe(404);
  });

  it('refuses what passes the quota (413 bytes, 409 files) and keeps nothing of it; removing a sample makes room', async () => {
    const creator = await onboardCreator(anon, system.smtp, brand, 'Creator');
    const big = await upload(creator.token, '/v1/me/samples/file', 'file', pdf(600 * KB), 'Big');
    expect(big.status).toBe(201);
    const before = stored();

    const over = await upload(creator.token, '/v1/me/samples/file', 'file', pdf(600 * KB), 'Over');
    expect(over.status).toBe(413);
    expect(over.type).toContain('application/problem+json');
    expect(over.body).toMatchObject({
      code: 'upload_quota_bytes_exceeded',
      detail: expect.stringMatching(/past 1 MB .*remove a sample/),
    });
    // the gateway had stored it; the refusal deleted it again
    expect(stored()).toEqual(before);

    for (const title of ['Small one', 'Small two'])
      expect(
        (await upload(creator.token, '/v1/me/samples/file', 'file', pdf(KB), title)).status,
      ).toBe(201);
    const full = await upload(creator.token, '/v1/me/samples/file', 'file', pdf(KB), 'Fourth');
    expect(full).toMatchObject({ status: 409, body: { code: 'upload_quota_files_exceeded' } });

    // removing a sample deletes its file and makes room
    const bigKey = keyOf(big.body.file.url);
    expect((await creator.api.delete(`/v1/me/samples/${big.body.id}`)).status).toBe(204);
    await eventually(async () => expect(existsSync(join(dir, bigKey))).toBe(false));
    const again = await upload(
      creator.token,
      '/v1/me/samples/file',
      'file',
      pdf(600 * KB),
      'Again',
    );
    expect(again.status).toBe(201);
    const served = await download(brand.token, again.body.file.url);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(pdf(600 * KB))).toBe(true);
    expect((await creator.api.get('/v1/me/profile')).body.samples).toHaveLength(3);
  });
});
