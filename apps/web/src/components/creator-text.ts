import type { components } from '../api/schema';
import { countryName } from './countries';

type Profile = components['schemas']['ProfileViewDto'];

/** The name a brand knows a creator by: the profile's display name once set, else the account's. */
export function creatorName(creator: { name: string; profile: Profile }): string {
  return creator.profile.displayName?.trim() || creator.name;
}

/** "Berlin, Germany" from the profile's city and ISO country code; null when neither is set. */
export function locationOf(profile: Profile): string | null {
  const country = profile.country ? countryName(profile.country) : null;
  const parts = [profile.city?.trim(), country].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

const languages = new Intl.DisplayNames(['en'], { type: 'language' });

/** "German" for "de"; anything that is not a language code is shown as the creator typed it. */
export function languageName(language: string): string {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) return language;
  try {
    return languages.of(language) ?? language;
  } catch {
    return language;
  }
}
