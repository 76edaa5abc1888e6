import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { login } from '../../e2e/support/factories';
import { Api } from '../../e2e/support/http';
import type { GlimmerSystem } from '../../e2e/support/system';

/** The token in the latest invite email to `email` (each resend mails a new one). */
export async function inviteTokenFor(
  system: GlimmerSystem,
  email: string,
  brandName: string,
): Promise<string> {
  const mail = await system.smtp.waitFor(email, new RegExp(`^${brandName} invited you to Glimmer`));
  const token = /Invite token: (\S+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no token in ${mail.text}`);
  return token;
}

/**
 * A PNG of `size`×`size` pixels fading diagonally from `rgba` to white, built here (signature,
 * IHDR, IDAT, IEND, each chunk with its CRC), so screenshots show a picture, not a blank shape.
 */
export function gradientPng(
  size = 64,
  rgba: [number, number, number, number] = [124, 58, 237, 255],
) {
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
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const rows = Array.from({ length: size }, (_, y) => {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA pixels
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * size);
      for (let c = 0; c < 3; c++) row[1 + x * 4 + c] = Math.round(rgba[c] + (255 - rgba[c]) * t);
      row[1 + x * 4 + 3] = rgba[3];
    }
    return row;
  });
  const pixels = Buffer.concat(rows);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function upload(system: GlimmerSystem, token: string, path: string, form: FormData) {
  const res = await fetch(`${system.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

export interface ApiCreator {
  creatorId: string;
  email: string;
  password: string;
  api: Api;
}

/**
 * The creator's side, through the API (the creator's web pages are another task): accept the
 * invite, then fill the profile, a photo, a linked sample and an image sample.
 */
export async function acceptAndFillProfile(
  system: GlimmerSystem,
  token: string,
  email: string,
): Promise<ApiCreator> {
  const anon = new Api(system.baseUrl);
  const password = `creator-${randomUUID().slice(0, 8)}-password`;
  const accepted = await anon.post('/v1/invites/accept', { token, name: 'Ada Lens', password });
  if (accepted.status !== 201)
    throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const session = await login(anon, email, password);
  const api = anon.as(session);
  const profile = await api.request('PUT', '/v1/me/profile', {
    displayName: 'Ada Lens Studio',
    bio: 'Product and fashion photographer.\nTen years of campaigns for independent labels.',
    country: 'DE',
    city: 'Berlin',
    skills: ['Photography', 'Retouching', 'Video'],
    languages: ['en', 'de'],
    equipment: ['Sony A7 IV', 'DJI Mini 4'],
  });
  if (profile.status !== 200) throw new Error(`profile: ${profile.status}`);
  const sample = await api.post('/v1/me/samples', {
    title: 'Autumn lookbook',
    url: 'https://portfolio.example/autumn',
    description: '24 photos for an autumn collection',
  });
  if (sample.status !== 201) throw new Error(`sample: ${sample.status}`);

  const photo = new FormData();
  photo.append('photo', new Blob([gradientPng()], { type: 'image/png' }), 'me.png');
  await upload(system, session, '/v1/me/profile/photo', photo);
  const file = new FormData();
  file.append(
    'file',
    new Blob([gradientPng(320, [14, 165, 233, 255])], { type: 'image/png' }),
    'x.png',
  );
  file.append('title', 'Studio still life');
  await upload(system, session, '/v1/me/samples/file', file);

  return { creatorId: accepted.body.creatorId, email, password, api };
}
