import amqplib from 'amqplib';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RpcReply } from '@glimmer/messaging/envelope';
import { topology } from '@glimmer/messaging/topology';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

type Json = any;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const KEY = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const MB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Stands in for creator-network on its RPC queue: records each call and its size on the wire. */
async function stubCreatorNetwork(
  prefix: string,
  respond: (pattern: string, payload: Json) => RpcReply | null,
) {
  const connection = await amqplib.connect(
    process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  const channel = await connection.createChannel();
  const queue = topology.rpcQueue(prefix, 'creator-network');
  await channel.assertQueue(queue, { durable: true });
  const calls: { pattern: string; payload: Json; bytes: number }[] = [];
  await channel.consume(queue, (msg) => {
    if (!msg) return;
    const call = {
      pattern: String(msg.properties.type),
      payload: JSON.parse(msg.content.toString()),
      bytes: msg.content.length,
    };
    calls.push(call);
    const reply = respond(call.pattern, call.payload);
    // null: no answer at all (creator-network frozen), the gateway times out
    if (reply)
      channel.sendToQueue(msg.properties.replyTo, Buffer.from(JSON.stringify(reply)), {
        correlationId: msg.properties.correlationId,
      });
    channel.ack(msg);
  });
  return { calls, stop: () => connection.close() };
}

const notFoundReply: RpcReply = {
  ok: false,
  error: { code: 'not_found', status: 404, title: 'Not found', detail: 'file was not found' },
};
const quotaReply: RpcReply = {
  ok: false,
  error: {
    code: 'upload_quota_bytes_exceeded',
    status: 413,
    title: "The upload would go over the creator's storage quota",
    detail: 'This 0 MB file would take your uploads past 200 MB (200 MB used)',
  },
};

describe('gateway: uploads stream to the file storage, only metadata crosses the broker', () => {
  let gw: GatewayUnderTest;
  let dir: string;
  let stub: Awaited<ReturnType<typeof stubCreatorNetwork>>;
  let creatorToken: string;
  let brandToken: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glimmer-gw-files-'));
    gw = await startGatewayUnderTest('files', { FILE_STORAGE_DIR: dir, RPC_TIMEOUT_MS: '1500' });
    stub = await stubCreatorNetwork(gw.env.prefix, (pattern, payload) => {
      if (pattern === 'network.sample.file.add.v2') {
        if (payload.title === 'Over quota') return quotaReply;
        if (payload.title === 'Frozen') return null;
        return {
          ok: true,
          data: {
            id: randomUUID(),
            title: payload.title,
            url: null,
            file: {
              url: `/v1/files/${payload.file.key}`,
              contentType: payload.file.contentType,
              size: payload.file.size,
            },
            description: payload.description ?? null,
            createdAt: new Date().toISOString(),
          },
        };
      }
      if (pattern === 'network.profile.photo.record.v2') {
        const { key, contentType, size } = payload.file;
        return { ok: true, data: { photoUrl: `/v1/files/${key}`, contentType, size } };
      }
      if (pattern === 'network.sample.remove.v1')
        return { ok: true, data: { id: payload.sampleId } };
      if (pattern === 'network.file.get.v2') {
        const contentType = payload.key.endsWith('.pdf')
          ? 'application/pdf'
          : payload.key.endsWith('.png')
            ? 'image/png'
            : null;
        if (!contentType || !payload.key.startsWith(KEY.slice(0, 8))) return notFoundReply;
        return { ok: true, data: { key: payload.key, contentType, size: 1 } };
      }
      return notFoundReply;
    });
    const user = { email: 'ada@creator.test', name: 'Ada' };
    creatorToken = await gw.tokenFor({ ...user, role: 'creator', creatorId: randomUUID() });
    brandToken = await gw.tokenFor({
      ...user,
      email: 'ada@brand.test',
      role: 'brand',
      brandId: randomUUID(),
      currency: 'USD',
    });
  });

  afterAll(async () => {
    await stub?.stop();
    await gw?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The stored files (not what is half-written in `.incoming`). */
  const storedKeys = async () => (await readdir(dir)).filter((name) => !name.startsWith('.'));

  const upload = async (
    path: string,
    field: string,
    token: string,
    fields: Record<string, string>,
    file?: { bytes: Buffer; name?: string; type?: string },
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file)
      form.append(
        field,
        new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }),
        file.name ?? 'work.pdf',
      );
    const res = await fetch(`${gw.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const sampleFile = (token: string, fields: Record<string, string>, file?: { bytes: Buffer }) =>
    upload('/v1/me/samples/file', 'file', token, fields, file);
  const photo = (token: string, file?: { bytes: Buffer; name?: string; type?: string }) =>
    upload('/v1/me/profile/photo', 'photo', token, {}, file);

  it('stores a 10 MB sample in the storage and sends creator-network a message of under 1 KB', async () => {
    const bytes = Buffer.concat([PDF, Buffer.alloc(10 * MB - PDF.length, 0x61)]);
    const res = await sampleFile(
      creatorToken,
      { title: 'Deck', description: 'Pitch deck' },
      { bytes },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Deck',
      url: null,
      file: { contentType: 'application/pdf', size: 10 * MB },
    });
    const call = stub.calls.at(-1)!;
    expect(call.pattern).toBe('network.sample.file.add.v2');
    const key = call.payload.file.key;
    expect(key).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(call.payload).toEqual({
      actor: expect.objectContaining({ role: 'creator' }),
      title: 'Deck',
      description: 'Pitch deck',
      file: { key, contentType: 'application/pdf', size: 10 * MB, sha256: sha256(bytes) },
    });
    // the file's bytes never cross the broker (they used to, as 13.4 MB of base64)
    expect(call.bytes).toBeLessThan(1024);
    // (compared by hash: Jest's deep equality over 10 MB takes minutes)
    expect(sha256(await readFile(join(dir, key)))).toBe(sha256(bytes));
    expect(res.body.file.url).toBe(`/v1/files/${key}`);
  });

  it('stores a photo and sends its metadata; the type is told by its bytes', async () => {
    const res = await photo(creatorToken, { bytes: PNG, name: 'me.pdf', type: 'application/pdf' });
    expect(res).toMatchObject({
      status: 201,
      body: { contentType: 'image/png', size: PNG.length },
    });
    const call = stub.calls.at(-1)!;
    expect(call.pattern).toBe('network.profile.photo.record.v2');
    expect(call.payload.file).toEqual({
      key: expect.stringMatching(/^[0-9a-f-]{36}\.png$/),
      contentType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
    });
    expect(await readFile(join(dir, call.payload.file.key))).toEqual(PNG);
  });

  it('refuses a missing, empty, untitled, oversized, mistyped upload and brands; keeps nothing', async () => {
    const before = await storedKeys();
    const calls = stub.calls.length;
    expect((await sampleFile(creatorToken, { title: 'Deck' })).status).toBe(400);
    const empty = await sampleFile(creatorToken, { title: 'Deck' }, { bytes: Buffer.alloc(0) });
    expect(empty).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    // the title is checked after the file has streamed in: the stored file is removed again
    const untitled = await sampleFile(creatorToken, {}, { bytes: PDF });
    expect(untitled).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const huge = Buffer.concat([PDF, Buffer.alloc(10 * MB)]);
    const tooLarge = await sampleFile(creatorToken, { title: 'Deck' }, { bytes: huge });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    const bigPhoto = await photo(creatorToken, {
      bytes: Buffer.concat([PNG, Buffer.alloc(5 * MB)]),
    });
    expect(bigPhoto).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    const text = await sampleFile(
      creatorToken,
      { title: 'Deck' },
      { bytes: Buffer.from('just text, named report.pdf') },
    );
    expect(text).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
    expect(text.body.detail).toMatch(/PDF document or an MP4 video/);
    // a PDF is a fine sample but not a photo
    const pdfPhoto = await photo(creatorToken, { bytes: PDF });
    expect(pdfPhoto).toMatchObject({ status: 415, body: { detail: /photo must be a JPEG/ } });
    const brand = await sampleFile(brandToken, { title: 'Deck' }, { bytes: PDF });
    expect(brand.status).toBe(403);

    expect(stub.calls.length).toBe(calls);
    // give multer's removal of the untitled upload a moment (it runs once the answer is sent)
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await storedKeys()).toEqual(before);
    expect(await readdir(join(dir, '.incoming'))).toEqual([]);
  });

  it('deletes the stored file when creator-network refuses it (over quota), keeps it after a timeout', async () => {
    const before = await storedKeys();
    const refused = await sampleFile(creatorToken, { title: 'Over quota' }, { bytes: PDF });
    expect(refused).toMatchObject({
      status: 413,
      body: { code: 'upload_quota_bytes_exceeded', detail: /past 200 MB/ },
    });
    expect(await storedKeys()).toEqual(before);

    // no answer: the record may yet commit, so the file stays for creator-network's sweep
    const frozen = await sampleFile(creatorToken, { title: 'Frozen' }, { bytes: PDF });
    expect(frozen).toMatchObject({ status: 504, body: { code: 'dependency_timeout' } });
    const key = stub.calls.at(-1)!.payload.file.key;
    expect(await storedKeys()).toEqual(expect.arrayContaining([...before, key]));
  });

  it('removes a sample (204)', async () => {
    const id = randomUUID();
    const res = await fetch(`${gw.url}/v1/me/samples/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${creatorToken}` },
    });
    expect(res.status).toBe(204);
    expect(stub.calls.at(-1)).toMatchObject({
      pattern: 'network.sample.remove.v1',
      payload: { sampleId: id },
    });
    const brand = await gw.request('DELETE', `/v1/me/samples/${id}`, { token: brandToken });
    expect(brand.status).toBe(403);
  });

  it('serves a file from the storage once creator-network allows it: type, nosniff, disposition, private cache', async () => {
    await writeFile(join(dir, `${KEY}.pdf`), PDF);
    await writeFile(join(dir, `${KEY}.png`), PNG);
    const pdf = await fetch(`${gw.url}/v1/files/${KEY}.pdf`, {
      headers: { authorization: `Bearer ${brandToken}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-length')).toBe(String(PDF.length));
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${KEY}.pdf"`);
    expect(pdf.headers.get('cache-control')).toMatch(/^private/);
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(PDF);
    expect(stub.calls.at(-1)).toMatchObject({
      pattern: 'network.file.get.v2',
      payload: { key: `${KEY}.pdf`, actor: { role: 'brand' } },
    });

    const png = await fetch(`${gw.url}/v1/files/${KEY}.png`, {
      headers: { authorization: `Bearer ${creatorToken}` },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await png.arrayBuffer())).toEqual(PNG);
  });

  it('answers 404 for a file the service does not show, one missing from the storage, and keys it never makes; 401 unsigned', async () => {
    const unknown = await gw.request('GET', `/v1/files/${randomUUID()}.pdf`, { token: brandToken });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    // allowed by creator-network, but not in the storage
    await rm(join(dir, `${KEY}.png`));
    const gone = await gw.request('GET', `/v1/files/${KEY}.png`, { token: brandToken });
    expect(gone).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const calls = stub.calls.length;
    for (const key of ['passwd', '..%2F..%2Fetc%2Fpasswd', `${KEY}.PDF`]) {
      const res = await gw.request('GET', `/v1/files/${key}`, { token: creatorToken });
      expect(res.status).toBe(404);
    }
    expect(stub.calls.length).toBe(calls);
    expect((await gw.request('GET', `/v1/files/${KEY}.pdf`)).status).toBe(401);
  });
});
