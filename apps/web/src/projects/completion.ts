import { formatInstant } from '../components/dates';
import type { Project } from './project-queries';

export type Party = 'brand' | 'creator';

export interface Completion {
  /** The caller has marked their side complete. */
  mineDone: boolean;
  theirsDone: boolean;
  mine: string;
  theirs: string;
}

/**
 * Each party's side of "mark complete", worded for whoever is looking: "You marked it complete
 * on Dec 1, 2026" / "Waiting for the creator".
 */
export function completionOf(project: Project, viewer: Party, otherName?: string): Completion {
  const other: Party = viewer === 'brand' ? 'creator' : 'brand';
  const at = (party: Party) =>
    party === 'brand' ? project.completedByBrandAt : project.completedByCreatorAt;
  const mineAt = at(viewer);
  const theirsAt = at(other);
  const who = otherName ?? `The ${other}`;
  return {
    mineDone: mineAt !== null,
    theirsDone: theirsAt !== null,
    mine: mineAt
      ? `You marked it complete on ${formatInstant(mineAt)}`
      : 'You have not marked it complete yet',
    theirs: theirsAt
      ? `${who} marked it complete on ${formatInstant(theirsAt)}`
      : `Waiting for the ${other}`,
  };
}

/** One short "what happens next" for a list row. */
export function nextStepOf(project: Project, viewer: Party): string {
  if (project.status === 'completed')
    return project.completedAt ? `Completed ${formatInstant(project.completedAt)}` : 'Completed';
  const { mineDone, theirsDone } = completionOf(project, viewer);
  if (!mineDone && !theirsDone) return 'In progress';
  if (!mineDone) return 'Waiting for you to mark it complete';
  return `Waiting for the ${viewer === 'brand' ? 'creator' : 'brand'}`;
}
