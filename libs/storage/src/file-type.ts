import {
  PHOTO_CONTENT_TYPES,
  type PhotoContentType,
  type SampleFileContentType,
} from '@glimmer/contracts/network/creator.messages';

const startsWith = (bytes: Buffer, signature: number[] | string, at = 0) => {
  const sig = typeof signature === 'string' ? [...Buffer.from(signature, 'latin1')] : signature;
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
};

/**
 * A file's type from its magic bytes, never from a file name or declared type:
 * JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), WebP (RIFF….WEBP), PDF (`%PDF-`) and MP4
 * (an ISO base media file: its first box is `ftyp`, bytes 4..7). Anything else is null.
 */
export function detectFileType(bytes: Buffer): SampleFileContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  // The ftyp box: a 4-byte size, `ftyp`, then the 4-byte major brand.
  if (bytes.length >= 12 && startsWith(bytes, 'ftyp', 4)) return 'video/mp4';
  return null;
}

const PHOTO_TYPES: ReadonlySet<string> = new Set(PHOTO_CONTENT_TYPES);

export const isPhotoType = (type: SampleFileContentType | null): type is PhotoContentType =>
  type !== null && PHOTO_TYPES.has(type);

/** Profile photos: only the image types (JPEG, PNG, WebP), by their magic bytes. */
export function detectPhotoType(bytes: Buffer): PhotoContentType | null {
  const type = detectFileType(bytes);
  return isPhotoType(type) ? type : null;
}

/** The extension a stored file's key ends in. */
export const FILE_EXTENSIONS: { readonly [T in SampleFileContentType]: string } = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
};

/** How many leading bytes `detectFileType` needs to tell every type apart. */
export const FILE_TYPE_PROBE_BYTES = 12;

/**
 * The type a stored file's key says (its extension was chosen from the detected type when it
 * was stored): for photos stored before their type was recorded.
 */
export function contentTypeOfKey(key: string): SampleFileContentType | null {
  const extension = key.slice(key.lastIndexOf('.') + 1);
  const entry = Object.entries(FILE_EXTENSIONS).find(([, ext]) => ext === extension);
  return entry ? (entry[0] as SampleFileContentType) : null;
}
