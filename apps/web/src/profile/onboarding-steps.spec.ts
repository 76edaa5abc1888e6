import { resumeStep, type SavedProgress } from './onboarding-steps';

describe('where the guided profile resumes', () => {
  const fresh: SavedProgress = {
    displayName: null,
    country: null,
    hasPhoto: false,
    sampleCount: 0,
  };

  it('starts with basic information until it is saved', () => {
    expect(resumeStep(fresh)).toBe('basics');
    expect(resumeStep(fresh, 'setup')).toBe('basics');
  });

  it('goes on to the first page whose facts are missing', () => {
    const named = { ...fresh, displayName: 'Ada Lens' };
    expect(resumeStep(named)).toBe('photo');
    expect(resumeStep({ ...named, hasPhoto: true })).toBe('samples');
    expect(resumeStep({ ...named, hasPhoto: true, sampleCount: 2 })).toBe('setup');
  });

  it('never sends a creator back to a page they skipped', () => {
    const named = { ...fresh, displayName: 'Ada Lens' };
    expect(resumeStep(named, 'samples')).toBe('samples');
    expect(resumeStep(named, 'setup')).toBe('setup');
    expect(resumeStep({ ...named, sampleCount: 1 }, 'photo')).toBe('setup');
    expect(resumeStep(named, 'nonsense')).toBe('photo');
  });

  it('is done once professional setup (with the country) is saved', () => {
    expect(resumeStep({ ...fresh, displayName: 'Ada', country: 'DE' })).toBe('done');
  });
});
