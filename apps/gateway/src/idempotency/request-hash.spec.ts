import { createHash } from 'node:crypto';
import { canonicalJson } from '@glimmer/database/idempotent-command';
import { gatewayRequestHash, requestHashKey } from './request-hash';

const key = requestHashKey('a-server-secret-of-at-least-32-characters');
const requestHash = (method: string, path: string, body: unknown) =>
  gatewayRequestHash(key, method, path, body);

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('drops undefined members like JSON.stringify and renders a missing body as null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('escapes strings exactly as JSON does', () => {
    expect(canonicalJson({ 'k"': 'line\nbreak' })).toBe('{"k\\"":"line\\nbreak"}');
  });
});

describe('requestHash', () => {
  const body = { amount: 1000, costCode: { code: 'MKT', name: 'Marketing' } };

  it('is the same for the same request written differently', () => {
    const reordered = { costCode: { name: 'Marketing', code: 'MKT' }, amount: 1000 };
    expect(requestHash('post', '/v1/credit/deposits', body)).toBe(
      requestHash('POST', '/v1/credit/deposits', reordered),
    );
    expect(requestHash('POST', '/v1/x', body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the body, path or method differs', () => {
    const base = requestHash('POST', '/v1/credit/deposits', body);
    expect(requestHash('POST', '/v1/credit/deposits', { ...body, amount: 1001 })).not.toBe(base);
    expect(requestHash('POST', '/v1/credit/transfers', body)).not.toBe(base);
    expect(requestHash('PUT', '/v1/credit/deposits', body)).not.toBe(base);
    expect(requestHash('POST', '/v1/credit/deposits', { ...body, amount: '1000' })).not.toBe(base);
  });
});

describe('requestHash keyed by the server secret', () => {
  const signUp = { email: 'a@example.com', password: 'correct horse battery staple' };

  it('is the same for the same key and differs under another key', () => {
    expect(requestHash('POST', '/v1/brands', signUp)).toBe(
      requestHash('POST', '/v1/brands', signUp),
    );
    const other = requestHashKey('another-server-secret-of-32-characters!');
    expect(gatewayRequestHash(other, 'POST', '/v1/brands', signUp)).not.toBe(
      requestHash('POST', '/v1/brands', signUp),
    );
  });

  it('cannot be recomputed from a guessed body without the key (not a plain SHA-256)', () => {
    const plain = createHash('sha256')
      .update(canonicalJson({ method: 'POST', path: '/v1/brands', body: signUp }))
      .digest('hex');
    expect(requestHash('POST', '/v1/brands', signUp)).not.toBe(plain);
  });

  it('derives a key that is not the secret itself', () => {
    const secret = 'a-server-secret-of-at-least-32-characters';
    expect(requestHashKey(secret).equals(Buffer.from(secret).subarray(0, 32))).toBe(false);
    expect(requestHashKey(secret)).toHaveLength(32);
  });
});
