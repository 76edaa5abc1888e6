import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { RpcReply } from '@glimmer/messaging/envelope';
import { topology } from '@glimmer/messaging/topology';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

type Json = any;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const KEY = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

/** Stands in for creator-network on its RPC queue: records each call, answers with `respond`. */
async function stubCreatorNetwork(
  prefix: string,
  respond: (pattern: string, payload: Json) => RpcReply,
) {
  const connection = await amqplib.connect(
    process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  const channel = await connection.createChannel();
  const queue = topology.rpcQueue(prefix, 'creator-network');
  await channel.assertQueue(queue, { durable: true });
  const calls: { pattern: string; payload: Json }[] = [];
  await channel.consume(queue, (msg) => {
    if (!msg) return;
    const call = {
      pattern: String(msg.properties.type),
      payload: JSON.parse(msg.content.toString()),
    };
    calls.push(call);
    channel.sendToQueue(
      msg.properties.replyTo,
      Buffer.from(JSON.stringify(respond(call.pattern, call.payload))),
      { correlationId: msg.properties.correlationId },
    );
    channel.ack(msg);
  });
  return { calls, stop: () => connection.close() };
}

const notFoundReply: RpcReply = {
  ok: false,
  error: { code: 'not_found', status: 404, title: 'Not found', detail: 'file was not found' },
};

describe('gateway: work sample files and serving files (creator-network stubbed)', () => {
  let gw: GatewayUnderTest;
  let stub: Awaited<ReturnType<typeof stubCreatorNetwork>>;
  let creatorToken: string;
  let brandToken: string;

  beforeAll(async () => {
    gw = await startGatewayUnderTest('files');
    stub = await stubCreatorNetwork(gw.env.prefix, (pattern, payload) => {
      if (pattern === 'network.sample.file.add.v1') {
        const bytes = Buffer.from(payload.contentBase64, 'base64');
        if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-')))
          return {
            ok: false,
            error: {
              code: 'unsupported_media_type',
              status: 415,
              title: 'Unsupported media type',
              detail: 'The file must be an image, a PDF or an MP4 video',
            },
          };
        return {
          ok: true,
          data: {
            id: randomUUID(),
            title: payload.title,
            url: null,
            file: {
              url: `/v1/files/${KEY}.pdf`,
              contentType: 'application/pdf',
              size: bytes.length,
            },
            description: payload.description ?? null,
            createdAt: new Date().toISOString(),
          },
        };
      }
      if (pattern === 'network.file.get.v1') {
        const file =
          payload.key === `${KEY}.pdf`
            ? { contentType: 'application/pdf', bytes: PDF }
            : payload.key === `${KEY}.png`
              ? { contentType: 'image/png', bytes: PNG }
              : null;
        if (!file) return notFoundReply;
        return {
          ok: true,
          data: {
            key: payload.key,
            contentType: file.contentType,
            size: file.bytes.length,
            contentBase64: file.bytes.toString('base64'),
          },
        };
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
  });

  const upload = async (
    token: string,
    fields: Record<string, string>,
    file?: { bytes: Buffer; name?: string; type?: string },
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file)
      form.append(
        'file',
        new Blob([file.bytes], { type: file.type ?? 'application/pdf' }),
        file.name ?? 'work.pdf',
      );
    const res = await fetch(`${gw.url}/v1/me/samples/file`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it('takes the file and its text fields as multipart/form-data and passes them on', async () => {
    const res = await upload(
      creatorToken,
      { title: 'Deck', description: 'Pitch deck' },
      { bytes: PDF },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Deck',
      url: null,
      file: { url: `/v1/files/${KEY}.pdf`, contentType: 'application/pdf', size: PDF.length },
    });
    const call = stub.calls.at(-1)!;
    expect(call.pattern).toBe('network.sample.file.add.v1');
    expect(call.payload).toMatchObject({ title: 'Deck', description: 'Pitch deck' });
    expect(Buffer.from(call.payload.contentBase64, 'base64')).toEqual(PDF);
  });

  it('refuses a missing or empty file, a missing title, an oversized file, and brands', async () => {
    const calls = stub.calls.length;
    expect((await upload(creatorToken, { title: 'Deck' })).status).toBe(400);
    const empty = await upload(creatorToken, { title: 'Deck' }, { bytes: Buffer.alloc(0) });
    expect(empty).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const untitled = await upload(creatorToken, {}, { bytes: PDF });
    expect(untitled).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const huge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(creatorToken, { title: 'Deck' }, { bytes: huge });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    const brand = await upload(brandToken, { title: 'Deck' }, { bytes: PDF });
    expect(brand.status).toBe(403);
    expect(stub.calls.length).toBe(calls);
    // the type is the service's call (by content): its 415 comes back as is
    const text = await upload(
      creatorToken,
      { title: 'Deck' },
      { bytes: Buffer.from('just text'), name: 'report.pdf' },
    );
    expect(text).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
  });

  it('serves a file with its type, nosniff, a disposition and a private cache header', async () => {
    const pdf = await fetch(`${gw.url}/v1/files/${KEY}.pdf`, {
      headers: { authorization: `Bearer ${brandToken}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${KEY}.pdf"`);
    expect(pdf.headers.get('cache-control')).toMatch(/^private/);
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(PDF);
    expect(stub.calls.at(-1)).toMatchObject({
      pattern: 'network.file.get.v1',
      payload: { key: `${KEY}.pdf`, actor: { role: 'brand' } },
    });

    const png = await fetch(`${gw.url}/v1/files/${KEY}.png`, {
      headers: { authorization: `Bearer ${creatorToken}` },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await png.arrayBuffer())).toEqual(PNG);
  });

  it('answers 404 for a file the service does not show and for keys it never makes; 401 unsigned', async () => {
    const unknown = await gw.request('GET', `/v1/files/${randomUUID()}.pdf`, { token: brandToken });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const calls = stub.calls.length;
    for (const key of ['passwd', '..%2F..%2Fetc%2Fpasswd', `${KEY}.PDF`]) {
      const res = await gw.request('GET', `/v1/files/${key}`, { token: creatorToken });
      expect(res.status).toBe(404);
    }
    expect(stub.calls.length).toBe(calls);
    expect((await gw.request('GET', `/v1/files/${KEY}.pdf`)).status).toBe(401);
  });
});
