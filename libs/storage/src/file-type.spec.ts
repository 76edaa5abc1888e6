import { contentTypeOfKey, detectFileType, detectPhotoType, FILE_EXTENSIONS } from './file-type';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const WEBP = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1');
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1');
const MP4 = Buffer.from('\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41', 'latin1');

describe('detectFileType', () => {
  it('tells JPEG, PNG, WebP, PDF and MP4 apart by their magic bytes', () => {
    expect(detectFileType(JPEG)).toBe('image/jpeg');
    expect(detectFileType(PNG)).toBe('image/png');
    expect(detectFileType(WEBP)).toBe('image/webp');
    expect(detectFileType(PDF)).toBe('application/pdf');
    expect(detectFileType(MP4)).toBe('video/mp4');
    expect(detectFileType(Buffer.from('\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00', 'latin1'))).toBe(
      'video/mp4',
    );
  });

  it('refuses anything else, however it is named', () => {
    expect(detectFileType(Buffer.from('not really a png'))).toBeNull();
    expect(detectFileType(Buffer.from('just text, saved as report.pdf'))).toBeNull();
    expect(detectFileType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
    // a PDF's signature anywhere but at the start is not a PDF
    expect(detectFileType(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF'))).toBeNull();
    // `ftyp` elsewhere than bytes 4..7, or with no brand after it
    expect(detectFileType(Buffer.from('\x00\x00\x00ftypisom\x00\x00', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.from('\x00\x00\x00\x08ftyp', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });

  it('names every type an extension', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'])
      expect(FILE_EXTENSIONS[type as keyof typeof FILE_EXTENSIONS]).toMatch(/^[a-z0-9]{2,5}$/);
  });
});

describe('detectPhotoType', () => {
  it('accepts only the image types', () => {
    expect(detectPhotoType(JPEG)).toBe('image/jpeg');
    expect(detectPhotoType(PNG)).toBe('image/png');
    expect(detectPhotoType(WEBP)).toBe('image/webp');
    expect(detectPhotoType(PDF)).toBeNull();
    expect(detectPhotoType(MP4)).toBeNull();
    expect(detectPhotoType(Buffer.from('hello.png'))).toBeNull();
  });
});

describe('contentTypeOfKey', () => {
  it('reads the type back from the extension a stored key was given', () => {
    expect(contentTypeOfKey('3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.jpg')).toBe('image/jpeg');
    expect(contentTypeOfKey('3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.webp')).toBe('image/webp');
    expect(contentTypeOfKey('3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.exe')).toBeNull();
  });
});
