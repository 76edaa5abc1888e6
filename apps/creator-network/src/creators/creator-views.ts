import type {
  CreatorView,
  NetworkCreatorView,
  ProfileView,
  WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import { publicFileUrl } from '../files/file-urls';
import type { CreatorProfile } from './creator-profile.entity';
import type { CreatorRecord, NetworkRecord } from './creator.repository';
import type { WorkSample } from './work-sample.entity';

/** The contract's views of the creator entities (timestamps as ISO strings). */
export function toSampleView(sample: WorkSample): WorkSampleView {
  return {
    id: sample.id,
    title: sample.title,
    url: sample.url,
    file:
      sample.fileUrl === null
        ? null
        : {
            url: publicFileUrl(sample.fileUrl),
            contentType: sample.fileContentType!,
            size: Number(sample.fileSize),
          },
    description: sample.description,
    createdAt: sample.createdAt.toISOString(),
  };
}

export function toProfileView(profile: CreatorProfile | null): ProfileView {
  return {
    displayName: profile?.displayName ?? null,
    bio: profile?.bio ?? null,
    country: profile?.country ?? null,
    city: profile?.city ?? null,
    skills: profile?.skills ?? [],
    languages: profile?.languages ?? [],
    equipment: profile?.equipment ?? [],
    updatedAt: profile?.updatedAt.toISOString() ?? null,
  };
}

/** `joinedAt` is the asking brand's membership, or the creator's own start for themselves. */
export function toCreatorView({
  creator,
  profile,
  membership,
  samples,
}: CreatorRecord): CreatorView {
  return {
    creatorId: creator.id,
    name: creator.name,
    email: creator.email,
    joinedAt: (membership?.joinedAt ?? creator.createdAt).toISOString(),
    profile: toProfileView(profile),
    samples: samples.map(toSampleView),
    photoUrl: creator.photoUrl === null ? null : publicFileUrl(creator.photoUrl),
  };
}

export function toNetworkView({ membership, creator, profile }: NetworkRecord): NetworkCreatorView {
  return {
    creatorId: creator.id,
    name: creator.name,
    email: creator.email,
    joinedAt: membership.joinedAt.toISOString(),
    profile: toProfileView(profile),
  };
}
