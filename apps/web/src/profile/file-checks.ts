/**
 * What the server accepts, checked in the page before anything is sent, so a wrong file gets a
 * message next to its field at once. The server checks again (by the file's bytes, not its
 * name): these limits mirror PHOTO_* and SAMPLE_FILE_* in libs/contracts creator.messages.ts.
 */
const MB = 1024 * 1024;

export const PHOTO_RULES = {
  types: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 5 * MB,
  describe: 'a JPEG, PNG or WebP image of at most 5 MB',
} as const;

export const SAMPLE_FILE_RULES = {
  types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'],
  maxBytes: 10 * MB,
  describe: 'an image (JPEG, PNG, WebP), a PDF or an MP4 video of at most 10 MB',
} as const;

export type FileRules = typeof PHOTO_RULES | typeof SAMPLE_FILE_RULES;

/** The message for a file the server would refuse; null when it may be sent. */
export function fileProblem(
  file: { type: string; size: number; name: string },
  rules: FileRules,
): string | null {
  if (!(rules.types as readonly string[]).includes(file.type))
    return `${file.name} is not accepted: choose ${rules.describe}.`;
  if (file.size === 0) return `${file.name} is empty: choose ${rules.describe}.`;
  if (file.size > rules.maxBytes)
    return `${file.name} is larger than ${formatSize(rules.maxBytes)} (${formatSize(file.size)}): choose a smaller file.`;
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  // Never round a file over the limit down to the limit ("5 MB, more than 5 MB").
  return `${(Math.ceil((bytes / MB) * 10) / 10).toString()} MB`;
}
