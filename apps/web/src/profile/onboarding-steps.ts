/** The guided profile's pages, in order, as they appear in the address bar (/onboarding/<slug>). */
export const STEPS = [
  { slug: 'basics', label: 'Basic information' },
  { slug: 'photo', label: 'Profile photo' },
  { slug: 'samples', label: 'Samples of work' },
  { slug: 'setup', label: 'Professional setup' },
] as const;

export type StepSlug = (typeof STEPS)[number]['slug'];

export function stepIndex(slug: string | undefined): number {
  return STEPS.findIndex((s) => s.slug === slug);
}

/** What the resume decision reads from the saved profile. */
export interface SavedProgress {
  displayName: string | null;
  country: string | null;
  hasPhoto: boolean;
  sampleCount: number;
}

/**
 * Where a creator who comes back to /onboarding picks up: the first page whose facts are not
 * saved yet, or `done` once the last page (professional setup, which sets the country) has
 * been saved. Photo and samples may be skipped, so the furthest page this browser remembers
 * reaching counts too: skipping a page never sends the creator back to it.
 */
export function resumeStep(saved: SavedProgress, reached?: string | null): StepSlug | 'done' {
  if (!saved.displayName) return 'basics';
  if (saved.country) return 'done';
  const fromProfile: StepSlug =
    saved.sampleCount > 0 ? 'setup' : saved.hasPhoto ? 'samples' : 'photo';
  const remembered = stepIndex(reached ?? undefined);
  return remembered > stepIndex(fromProfile) ? STEPS[remembered].slug : fromProfile;
}

const REACHED_KEY = (creatorId: string) => `glimmer.onboarding.reached.${creatorId}`;

/** The furthest page this creator reached in this browser (a hint; the profile decides first). */
export function readReached(creatorId: string): string | null {
  try {
    return localStorage.getItem(REACHED_KEY(creatorId));
  } catch {
    return null;
  }
}

export function rememberReached(creatorId: string, slug: StepSlug): void {
  try {
    if (stepIndex(slug) > stepIndex(readReached(creatorId) ?? undefined))
      localStorage.setItem(REACHED_KEY(creatorId), slug);
  } catch {
    /* storage disabled: the saved profile alone decides */
  }
}
