import { detectPhotoType } from './photo-type';

describe('detectPhotoType', () => {
  it('tells JPEG, PNG and WebP apart by their magic bytes', () => {
    expect(detectPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(
      detectPhotoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    ).toBe('image/png');
    expect(detectPhotoType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(
      'image/webp',
    );
  });

  it('refuses anything else, however it is named', () => {
    expect(detectPhotoType(Buffer.from('not really a png'))).toBeNull();
    expect(detectPhotoType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(detectPhotoType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
    expect(detectPhotoType(Buffer.alloc(0))).toBeNull();
  });
});
