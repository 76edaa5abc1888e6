import { randomUUID } from 'node:crypto';
import { login } from '../../e2e/support/factories';
import { Api } from '../../e2e/support/http';
import type { GlimmerSystem } from '../../e2e/support/system';
import { PHOTO_PNG } from './files';

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
  photo.append('photo', new Blob([PHOTO_PNG], { type: 'image/png' }), 'me.png');
  await upload(system, session, '/v1/me/profile/photo', photo);
  const file = new FormData();
  file.append('file', new Blob([PHOTO_PNG], { type: 'image/png' }), 'x.png');
  file.append('title', 'Studio still life');
  await upload(system, session, '/v1/me/samples/file', file);

  return { creatorId: accepted.body.creatorId, email, password, api };
}
