import { publicFileUrl } from './file-urls';

const KEY = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.png';

describe('file URLs', () => {
  it('shows photos stored at /photos/<key> at /v1/files/<key>', () => {
    expect(publicFileUrl(`/photos/${KEY}`)).toBe(`/v1/files/${KEY}`);
    expect(publicFileUrl(`/v1/files/${KEY}`)).toBe(`/v1/files/${KEY}`);
  });
});
