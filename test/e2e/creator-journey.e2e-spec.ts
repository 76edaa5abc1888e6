import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { eventually } from '@glimmer/testing/eventually';
import { login, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Seed 001 ("Getting invited to Glimmer by a client"), step by step, through the gateway. */
describe('creator journey (seed 001) end to end', () => {
  const system = new GlimmerSystem('journey');
  let anon: Api;
  let brand: SignedUpBrand;
  let costCodeId: string;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon, { name: 'Acme Studios', currency: 'EUR' });
    costCodeId = (await brand.api.post('/v1/cost-codes', { code: 'MKT', name: 'Marketing' })).body
      .id;
  });

  afterAll(() => system.stop());

  /** Invites `email` and reads the token from the invite email, as the creator would. */
  const invite = async (from: SignedUpBrand, email: string, brandName = 'Acme Studios') => {
    const res = await from.api.post('/v1/invites', { email, message: 'Work with us' });
    expect(res.status).toBe(201);
    const mail = await system.smtp.waitFor(
      email,
      new RegExp(`^${brandName} invited you to Glimmer`),
    );
    const token = /Invite token: (\S+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`no token in ${mail.text}`);
    return { invite: res.body, token, mail };
  };

  /** A creator in `from`'s network, signed in. */
  const creatorOf = async (from: SignedUpBrand, brandName = 'Acme Studios') => {
    const email = `creator-${randomUUID().slice(0, 8)}@creator.test`;
    const { token } = await invite(from, email, brandName);
    const res = await anon.post('/v1/invites/accept', {
      token,
      name: 'Other Creator',
      password: 'a long creator password',
    });
    expect(res.status).toBe(201);
    const session = await login(anon, email, 'a long creator password');
    return { ...res.body, token: session, api: anon.as(session) };
  };

  /** A real 1×1 PNG, built here: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC. */
  const tinyPng = (): Buffer => {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc32 = (buf: Buffer) => {
      let c = 0xffffffff;
      for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const out = Buffer.alloc(body.length + 8);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc32(body), body.length + 4);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(1, 0); // width
    ihdr.writeUInt32BE(1, 4); // height
    ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from([0, 0xff, 0x80, 0x00, 0xff]))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  };

  /** POSTs `bytes` as the multipart field `photo`, named and typed as a client might claim. */
  const uploadPhoto = async (
    token: string,
    bytes: Buffer,
    filename = 'me.png',
    type = 'image/png',
  ) => {
    const form = new FormData();
    form.append('photo', new Blob([bytes], { type }), filename);
    const res = await fetch(`${system.baseUrl}/v1/me/profile/photo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
  };

  it('invite → accept → profile → in-network → hired → signs → both complete → project completed', async () => {
    // 1. Accept invite: the brand invites by email; the token travels only in the email.
    const email = `ada-${randomUUID().slice(0, 8)}@creator.test`;
    const sent = await invite(brand, email);
    expect(sent.invite).toMatchObject({ email, status: 'sent' });
    expect(JSON.stringify(sent.invite)).not.toContain(sent.token);
    expect(sent.mail.text).toContain('Acme Studios invited you');
    expect(sent.mail.text).toContain(`token=${sent.token}`);

    const accepted = await anon.post('/v1/invites/accept', {
      token: sent.token,
      name: 'Ada Lens',
      password: 'ada-password-123',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ creatorId: expect.any(String), brandId: brand.id });
    // A retry with the same token (a lost response) answers the same; the account exists once.
    const retried = await anon.post('/v1/invites/accept', {
      token: sent.token,
      name: 'Ada Lens',
      password: 'ada-password-123',
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(accepted.body);
    const creator = anon.as(await login(anon, email, 'ada-password-123'));
    const me = await creator.get('/v1/me');
    expect(me.body).toMatchObject({ role: 'creator', creatorId: accepted.body.creatorId, email });

    // 2. Create a profile: basic information, samples, professional setup.
    const profile = await creator.request('PUT', '/v1/me/profile', {
      displayName: 'Ada Lens Studio',
      bio: 'Product and fashion photographer',
      country: 'DE',
      city: 'Berlin',
      skills: ['Photography', 'Retouching'],
      languages: ['en', 'de'],
      equipment: ['Sony A7 IV'],
    });
    expect(profile.status).toBe(200);
    expect(profile.body.profile).toMatchObject({
      country: 'DE',
      skills: ['Photography', 'Retouching'],
    });
    const bad = await creator.request('PUT', '/v1/me/profile', {
      displayName: 'x',
      country: 'Germany',
      skills: [],
      languages: [],
      equipment: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('country');
    const sample = await creator.post('/v1/me/samples', {
      title: 'Autumn lookbook',
      url: 'https://portfolio.example/autumn',
      description: '24 photos',
    });
    expect(sample.status).toBe(201);

    // 4. Join the client's network: the brand is notified and sees the creator in My Network.
    await system.smtp.waitFor(brand.adminEmail, /Ada Lens joined your network/);
    const network = await brand.api.get('/v1/network?skill=photography&country=DE');
    expect(network.status).toBe(200);
    expect(network.body.data).toEqual([
      expect.objectContaining({
        creatorId: accepted.body.creatorId,
        name: 'Ada Lens',
        email,
        profile: expect.objectContaining({ displayName: 'Ada Lens Studio', city: 'Berlin' }),
      }),
    ]);
    expect((await brand.api.get('/v1/network?skill=drone')).body.data).toEqual([]);
    const card = await brand.api.get(`/v1/creators/${accepted.body.creatorId}`);
    expect(card.body.samples).toEqual([expect.objectContaining({ title: 'Autumn lookbook' })]);

    // 5. Hire → the creator is emailed the offer → accepts and e-signs the contract.
    const offer = await brand.api.post('/v1/offers', {
      creatorId: accepted.body.creatorId,
      title: 'Spring campaign photos',
      brief: '12 edited photos of the spring collection',
      fee: 150_000,
      dueDate: inDays(30),
      costCodeId,
      storyCode: 'SPRING-27',
    });
    expect(offer.status).toBe(201);
    expect(offer.body).toMatchObject({ status: 'sent', currency: 'EUR', fee: 150_000 });
    const offerMail = await system.smtp.waitFor(email, /made you an offer: Spring campaign photos/);
    expect(offerMail.text).toContain('EUR 1,500.00');
    expect((await creator.get('/v1/offers')).body.data.map((o: { id: string }) => o.id)).toEqual([
      offer.body.id,
    ]);

    const empty = await creator.post(`/v1/offers/${offer.body.id}/accept`, { signatureName: ' ' });
    expect(empty.status).toBe(400);
    const signed = await creator.request(
      'POST',
      `/v1/offers/${offer.body.id}/accept`,
      { signatureName: 'Ada Lens' },
      { headers: { 'user-agent': 'e2e-browser/1.0' } },
    );
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      offer: { id: offer.body.id, status: 'accepted' },
      contract: { id: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      project: { id: expect.any(String), status: 'active' },
    });
    const twice = await creator.post(`/v1/offers/${offer.body.id}/accept`, {
      signatureName: 'Ada',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('offer_not_open');

    // 6. Marked complete by both parties → the project is completed (the payment is logged).
    const projectId = signed.body.project.id;
    const half = await brand.api.post(`/v1/projects/${projectId}/complete`);
    expect(half.status).toBe(200);
    expect(half.body).toMatchObject({ status: 'active', completedByCreatorAt: null });
    const done = await creator.post(`/v1/projects/${projectId}/complete`);
    expect(done.body).toMatchObject({
      id: projectId,
      title: 'Spring campaign photos',
      creatorId: accepted.body.creatorId,
      brandId: brand.id,
      fee: 150_000,
      currency: 'EUR',
      costCodeId,
      storyCode: 'SPRING-27',
      status: 'completed',
      invoiceId: null,
      expectedPaymentDate: null,
    });
    expect(done.body.completedByBrandAt).toEqual(expect.any(String));
    expect(done.body.completedByCreatorAt).toEqual(expect.any(String));
    await eventually(async () =>
      expect((await brand.api.get(`/v1/projects/${projectId}`)).body.status).toBe('completed'),
    );
  });

  it('rejects used, forged and revoked tokens with clear problems', async () => {
    const email = `eve-${randomUUID().slice(0, 8)}@creator.test`;
    const { invite: sent, token } = await invite(brand, email);
    const forged = await anon.post('/v1/invites/accept', {
      token: token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      name: 'Eve',
      password: 'eve-password-123',
    });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('invite_token_invalid');
    const revoked = await brand.api.post(`/v1/invites/${sent.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const late = await anon.post('/v1/invites/accept', {
      token,
      name: 'Eve',
      password: 'eve-password-123',
    });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('invite_revoked');
    const noAccount = await anon.post(
      '/v1/auth/login',
      { email, password: 'eve-password-123' },
      null,
    );
    expect(noAccount.status).toBe(401);
  });

  it('a signed-in creator links a second brand with the token alone', async () => {
    const other = await signUpBrand(anon, { name: 'Other Brand' });
    const creator = await creatorOf(brand);
    const me = (await creator.api.get('/v1/me')).body;
    const { token } = await invite(other, me.email, 'Other Brand');
    const linked = await creator.api.post('/v1/invites/accept', { token });
    expect(linked.status).toBe(201);
    expect(linked.body).toEqual({ creatorId: creator.creatorId, brandId: other.id });
    const seen = (await other.api.get('/v1/network')).body.data.map(
      (c: { creatorId: string }) => c.creatorId,
    );
    expect(seen).toEqual([creator.creatorId]);
  });

  it('keeps offers and projects to their parties and offers to the network (404 otherwise)', async () => {
    const other = await signUpBrand(anon, { currency: 'EUR', name: 'Third Brand' });
    const mine = await creatorOf(brand);
    const stranger = await creatorOf(other, 'Third Brand');
    const terms = {
      title: 'Shoot',
      brief: 'brief',
      fee: 10_000,
      dueDate: inDays(10),
      costCodeId,
      storyCode: 'S-1',
    };
    const outside = await brand.api.post('/v1/offers', { ...terms, creatorId: stranger.creatorId });
    expect(outside.status).toBe(404);
    const otherCode = (await other.api.post('/v1/cost-codes', { code: 'X', name: 'x' })).body.id;
    const foreignCode = await brand.api.post('/v1/offers', {
      ...terms,
      costCodeId: otherCode,
      creatorId: mine.creatorId,
    });
    expect(foreignCode.status).toBe(404);
    expect((await brand.api.get(`/v1/creators/${stranger.creatorId}`)).status).toBe(404);

    const offer = await brand.api.post('/v1/offers', { ...terms, creatorId: mine.creatorId });
    expect(offer.status).toBe(201);
    expect((await stranger.api.get(`/v1/offers/${offer.body.id}`)).status).toBe(404);
    expect((await stranger.api.get('/v1/offers')).body.data).toEqual([]);
    const accepted = await mine.api.post(`/v1/offers/${offer.body.id}/accept`, {
      signatureName: 'Mine',
    });
    const projectId = accepted.body.project.id;
    expect((await stranger.api.get(`/v1/projects/${projectId}`)).status).toBe(404);
    expect((await stranger.api.post(`/v1/projects/${projectId}/complete`)).status).toBe(404);
    expect((await other.api.get(`/v1/projects/${projectId}`)).status).toBe(404);
    expect((await other.api.get('/v1/projects')).body.data).toEqual([]);
    expect(
      (await mine.api.post('/v1/offers', { ...terms, creatorId: mine.creatorId })).status,
    ).toBe(403);

    const withdrawn = await brand.api.post('/v1/offers', { ...terms, creatorId: mine.creatorId });
    expect((await brand.api.post(`/v1/offers/${withdrawn.body.id}/withdraw`)).body.status).toBe(
      'withdrawn',
    );
    const tooLate = await mine.api.post(`/v1/offers/${withdrawn.body.id}/accept`, {
      signatureName: 'Mine',
    });
    expect(tooLate.status).toBe(409);
  });

  it('uploads a profile photo told by its bytes: PNG stored, renamed text 415, oversized 413, empty 400', async () => {
    const creator = await creatorOf(brand);
    const png = tinyPng();
    const uploaded = await uploadPhoto(creator.token, png);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({
      photoUrl: expect.stringMatching(/^\/v1\/files\/[0-9a-f-]{36}\.png$/),
      contentType: 'image/png',
      size: png.length,
    });
    const key = uploaded.body.photoUrl.split('/').pop();
    const stored = join(__dirname, '..', '..', 'var', 'photos', key);
    if (existsSync(stored)) expect(readFileSync(stored).equals(png)).toBe(true);
    const me = await creator.api.get('/v1/me/profile');
    expect(me.body.photoUrl).toBe(uploaded.body.photoUrl);
    const seen = await brand.api.get(`/v1/creators/${creator.creatorId}`);
    expect(seen.body.photoUrl).toBe(uploaded.body.photoUrl);
    // The stored bytes are served to the creator and to a brand whose network holds them only.
    for (const token of [creator.token, brand.token]) {
      const served = await fetch(`${system.baseUrl}${uploaded.body.photoUrl}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    }
    const outsider = await signUpBrand(anon);
    expect((await outsider.api.get(uploaded.body.photoUrl)).status).toBe(404);

    // The name and the declared type are not believed: text renamed .png is refused.
    const text = await uploadPhoto(creator.token, Buffer.from('just some text\n'), 'me.png');
    expect(text.status).toBe(415);
    expect(text.contentType).toContain('application/problem+json');
    expect(text.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });

    const huge = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await uploadPhoto(creator.token, huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.contentType).toContain('application/problem+json');
    expect(tooLarge.body).toMatchObject({ status: 413, code: 'payload_too_large' });

    const empty = await uploadPhoto(creator.token, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.contentType).toContain('application/problem+json');
    expect(empty.body).toMatchObject({ status: 400, code: 'validation_failed' });

    // The refused uploads changed nothing: the photo is still the last good one.
    expect((await creator.api.get('/v1/me/profile')).body.photoUrl).toBe(uploaded.body.photoUrl);
  });
});
