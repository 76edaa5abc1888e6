import { CONTRACT_TEMPLATE_VERSION, renderContract, sha256Hex } from './contract-template';

const terms = {
  offerId: '7b0b8f43-5d5b-4d51-9d1e-6c1d1f4d3a10',
  brandId: '1f8b1a55-2a8a-4d0e-8d33-0c9b4c1e0d11',
  brandName: 'Acme Studios',
  creatorId: '5c2e2c0e-8b7e-4a4c-b7c3-1d2f3a4b5c6d',
  creatorName: 'Ada Lens',
  title: 'Spring campaign photos',
  brief: '12 edited photos of the spring collection.',
  fee: 150_000,
  currency: 'USD',
  dueDate: '2027-04-30',
  costCodeId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  storyCode: 'SPRING-27',
};

describe('contract template', () => {
  it('renders the offer terms into a versioned text', () => {
    const text = renderContract(terms);
    expect(text.startsWith(`COMMISSION AGREEMENT (${CONTRACT_TEMPLATE_VERSION})`)).toBe(true);
    for (const part of [
      'Acme Studios',
      'Ada Lens',
      '"Spring campaign photos"',
      'by 2027-04-30',
      'USD 1,500.00',
      'story code SPRING-27',
      terms.brief,
    ])
      expect(text).toContain(part);
  });

  it('is deterministic, so its SHA-256 proves the exact text signed', () => {
    const a = renderContract(terms);
    expect(renderContract({ ...terms })).toBe(a);
    expect(sha256Hex(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(a)).toBe(sha256Hex(renderContract(terms)));
    expect(sha256Hex(renderContract({ ...terms, fee: 150_001 }))).not.toBe(sha256Hex(a));
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
