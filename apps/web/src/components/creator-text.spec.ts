import { creatorName, languageName, locationOf } from './creator-text';

const profile = {
  displayName: null,
  bio: null,
  country: null,
  city: null,
  skills: [],
  languages: [],
  equipment: [],
  updatedAt: null,
};

describe('how My Network names and places a creator', () => {
  it('uses the display name once set, else the account name', () => {
    expect(creatorName({ name: 'Ada Lens', profile })).toBe('Ada Lens');
    expect(creatorName({ name: 'Ada Lens', profile: { ...profile, displayName: ' ' } })).toBe(
      'Ada Lens',
    );
    expect(
      creatorName({ name: 'Ada Lens', profile: { ...profile, displayName: 'Ada Lens Studio' } }),
    ).toBe('Ada Lens Studio');
  });

  it('shows the city and the country by name', () => {
    expect(locationOf({ ...profile, country: 'DE', city: 'Berlin' })).toBe('Berlin, Germany');
    expect(locationOf({ ...profile, country: 'DE' })).toBe('Germany');
    expect(locationOf({ ...profile, city: 'Berlin' })).toBe('Berlin');
    expect(locationOf(profile)).toBeNull();
  });

  it('names language codes and keeps anything else as typed', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
    expect(languageName('Swiss German')).toBe('Swiss German');
  });
});
