import { encodeCursor } from '@glimmer/contracts/page';
import { pageSize, parseCursor } from './page-cursor';

const id = '3f1c6a2e-8a4d-4c1b-9a51-6f0d2b7e9c10';

describe('list cursors', () => {
  it('round-trips a microsecond position and treats no cursor as the first page', () => {
    const position = { createdAt: '2026-11-21T10:00:00.123456Z', id };
    expect(parseCursor(encodeCursor(position))).toEqual(position);
    expect(parseCursor(undefined)).toBeUndefined();
    expect(parseCursor('')).toBeUndefined();
  });

  it.each([
    ['not base64 json', 'garbage!'],
    ['a loose date JS would accept', encodeCursor({ createdAt: '1', id })],
    ['a non-uuid id', encodeCursor({ createdAt: '2026-11-21T10:00:00Z', id: "1' or 1=1" })],
    ['the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuses %s as validation_failed on the cursor field', (_name, cursor) => {
    expect(() => parseCursor(cursor)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        extra: { errors: [expect.objectContaining({ field: 'cursor' })] },
      }),
    );
  });

  it('defaults the page size to 50 and caps it at 200', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(10)).toBe(10);
    expect(pageSize(1000)).toBe(200);
  });
});
