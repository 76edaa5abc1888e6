import { isValidSignature, signPayload } from './signature';

describe('payments webhook signature', () => {
  const secret = 'x'.repeat(40);
  const body = Buffer.from(
    '{"type":"credit_invoice.paid","creditInvoiceId":"9b2f7c1e-0000-4000-8000-000000000000"}',
  );

  it('accepts the HMAC of the exact raw body', () => {
    const header = signPayload(body, secret);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidSignature(body, header, secret)).toBe(true);
    expect(isValidSignature(body, header.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(
      true,
    );
  });

  it('rejects another body, another secret, or a malformed header', () => {
    const header = signPayload(body, secret);
    expect(isValidSignature(Buffer.from(`${body.toString()} `), header, secret)).toBe(false);
    expect(isValidSignature(body, signPayload(body, 'y'.repeat(40)), secret)).toBe(false);
    expect(isValidSignature(body, header.slice(7), secret)).toBe(false);
    expect(isValidSignature(body, 'sha256=abc', secret)).toBe(false);
    expect(isValidSignature(body, `sha1=${header.slice(7)}`, secret)).toBe(false);
    expect(isValidSignature(body, undefined, secret)).toBe(false);
    expect(isValidSignature(undefined, header, secret)).toBe(false);
  });
});
