import { fileProblem, formatSize, PHOTO_RULES, SAMPLE_FILE_RULES } from './file-checks';

describe('upload checks made in the page before sending', () => {
  const file = (name: string, type: string, size: number) => ({ name, type, size });

  it('accepts JPEG, PNG and WebP photos up to 5 MB', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp'])
      expect(fileProblem(file('me', type, 5 * 1024 * 1024), PHOTO_RULES)).toBeNull();
  });

  it('refuses another type, an empty file and one over the limit, saying why', () => {
    expect(fileProblem(file('cv.pdf', 'application/pdf', 100), PHOTO_RULES)).toBe(
      'cv.pdf is not accepted: choose a JPEG, PNG or WebP image of at most 5 MB.',
    );
    expect(fileProblem(file('me.png', 'image/png', 0), PHOTO_RULES)).toContain('is empty');
    expect(fileProblem(file('big.jpg', 'image/jpeg', 5 * 1024 * 1024 + 1), PHOTO_RULES)).toBe(
      'big.jpg is larger than 5 MB (5.1 MB): choose a smaller file.',
    );
  });

  it('takes PDFs and MP4s as work samples, up to 10 MB', () => {
    expect(
      fileProblem(file('deck.pdf', 'application/pdf', 9 * 1024 * 1024), SAMPLE_FILE_RULES),
    ).toBeNull();
    expect(
      fileProblem(file('reel.mp4', 'video/mp4', 11 * 1024 * 1024), SAMPLE_FILE_RULES),
    ).toContain('larger than 10 MB (11 MB)');
    expect(fileProblem(file('notes.txt', 'text/plain', 10), SAMPLE_FILE_RULES)).toContain(
      'not accepted',
    );
  });

  it('shows sizes in bytes, KB and MB', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});
