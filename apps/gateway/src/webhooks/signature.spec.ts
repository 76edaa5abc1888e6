import { createHmac } from 'node:crypto';
import { checkSignature, signPayload } from './signature';

describe('payments webhook signature (t=..., v1=... over "<t>.<body>")', () => {
  const secret = 'x'.repeat(40);
  const body = Buffer.from(
    '{"type":"credit_invoice.paid","creditInvoiceId":"9b2f7c1e-0000-4000-8000-000000000000"}',
  );
  const at = new Date('2027-03-01T12:00:00Z');
  const tolerance = 300;
  const check = (header: unknown, now = at, raw: { body: Buffer | undefined } = { body }) =>
    checkSignature(raw.body, header, secret, tolerance, now);

  it('accepts the HMAC of the signed time and the exact raw body, within the tolerance', () => {
    const header = signPayload(body, secret, at);
    expect(header).toMatch(/^t=1803902400,v1=[0-9a-f]{64}$/);
    const expected = createHmac('sha256', secret).update(`1803902400.${body.toString()}`);
    expect(header.endsWith(expected.digest('hex'))).toBe(true);
    expect(check(header)).toEqual({ ok: true, signedAt: at });
    expect(check(header, new Date(at.getTime() + tolerance * 1000)).ok).toBe(true);
    expect(check(header, new Date(at.getTime() - tolerance * 1000)).ok).toBe(true);
    expect(check(header.toUpperCase().replace('T=', 't=').replace('V1=', 'v1=')).ok).toBe(true);
  });

  it('refuses a replay outside the window, either way, as expired', () => {
    const header = signPayload(body, secret, at);
    expect(check(header, new Date(at.getTime() + (tolerance + 1) * 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(check(header, new Date(at.getTime() - (tolerance + 1) * 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a moved timestamp: the time is signed with the body', () => {
    const header = signPayload(body, secret, at);
    const later = header.replace(/^t=\d+/, `t=${Math.floor(at.getTime() / 1000) + 600}`);
    expect(check(later, new Date(at.getTime() + 600_000))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('accepts any one of several v1 signatures (a secret rotation), ignores other schemes', () => {
    const good = signPayload(body, secret, at).split(',')[1];
    const other = signPayload(body, 'y'.repeat(40), at).split(',')[1];
    const t = Math.floor(at.getTime() / 1000);
    expect(check(`t=${t},${other},${good}`).ok).toBe(true);
    expect(check(`t=${t},v2=abc,${good}`).ok).toBe(true);
    expect(check(`t=${t},${other}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses another body, another secret, or a malformed or old-style header', () => {
    const header = signPayload(body, secret, at);
    const invalid = { ok: false, reason: 'invalid' };
    expect(check(header, at, { body: Buffer.from(`${body.toString()} `) })).toEqual(invalid);
    expect(check(signPayload(body, 'y'.repeat(40), at))).toEqual(invalid);
    expect(check(header, at, { body: undefined })).toEqual(invalid);
    const hex = header.split('v1=')[1];
    for (const malformed of [
      undefined,
      '',
      `sha256=${hex}`,
      `v1=${hex}`,
      `t=${Math.floor(at.getTime() / 1000)}`,
      `t=abc,v1=${hex}`,
      `t=1,t=2,v1=${hex}`,
      `t=${Math.floor(at.getTime() / 1000)},v1=abc`,
      `t=${Math.floor(at.getTime() / 1000)},v1=${hex}=`,
    ]) {
      expect(check(malformed)).toEqual(invalid);
    }
  });
});
