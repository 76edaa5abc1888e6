import { ApiProperty, PickType } from '@nestjs/swagger';
import {
  AddSampleFileRequest,
  NetworkQuery,
  PHOTO_CONTENT_TYPES,
  ProfileInput,
  SampleInput,
  type PhotoContentType,
  SAMPLE_FILE_CONTENT_TYPES,
  type SampleFileContentType,
} from '@glimmer/contracts/network/creator.messages';

/** The creator's own profile: the contract's ProfileInput field for field. */
export class ProfileDto extends PickType(ProfileInput, [
  'displayName',
  'bio',
  'country',
  'city',
  'skills',
  'languages',
  'equipment',
] as const) {}

export class ProfileViewDto {
  @ApiProperty({ type: String, nullable: true })
  displayName: string | null;
  @ApiProperty({ type: String, nullable: true })
  bio: string | null;
  @ApiProperty({ type: String, nullable: true })
  country: string | null;
  @ApiProperty({ type: String, nullable: true })
  city: string | null;
  @ApiProperty({ type: [String] })
  skills: string[];
  @ApiProperty({ type: [String] })
  languages: string[];
  @ApiProperty({ type: [String] })
  equipment: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}

/** A work sample linked by URL: the contract's SampleInput field for field. */
export class SampleDto extends PickType(SampleInput, ['title', 'url', 'description'] as const) {}

/** The text fields of a work sample uploaded as a file (multipart/form-data, beside `file`). */
export class SampleFileFieldsDto extends PickType(AddSampleFileRequest, [
  'title',
  'description',
] as const) {}

export class StoredFileDto {
  @ApiProperty({ example: '/v1/files/3f1c….pdf', description: 'GET it with the access token' })
  url: string;
  @ApiProperty({
    enum: SAMPLE_FILE_CONTENT_TYPES,
    enumName: 'SampleFileContentType',
    description: 'Told by the file’s content',
  })
  contentType: SampleFileContentType;
  @ApiProperty({ description: 'Bytes' })
  size: number;
}

export class WorkSampleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ type: String, nullable: true, description: 'The link, for a linked sample' })
  url: string | null;
  @ApiProperty({
    type: StoredFileDto,
    nullable: true,
    description: 'The file, for an uploaded one',
  })
  file: StoredFileDto | null;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class NetworkCreatorDto {
  @ApiProperty({ format: 'uuid' })
  creatorId: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  email: string;
  @ApiProperty({ format: 'date-time', description: 'When the creator joined this brand' })
  joinedAt: string;
  @ApiProperty({ type: ProfileViewDto })
  profile: ProfileViewDto;
}

export class CreatorDto extends NetworkCreatorDto {
  @ApiProperty({ type: [WorkSampleDto] })
  samples: WorkSampleDto[];
  @ApiProperty({ type: String, nullable: true, example: '/v1/files/3f1c….png' })
  photoUrl: string | null;
}

export class PhotoDto {
  @ApiProperty({ example: '/v1/files/3f1c….png' })
  photoUrl: string;
  @ApiProperty({ enum: PHOTO_CONTENT_TYPES, enumName: 'PhotoContentType' })
  contentType: PhotoContentType;
  @ApiProperty({ description: 'Bytes' })
  size: number;
}

export class NetworkPageDto {
  @ApiProperty({ type: [NetworkCreatorDto] })
  data: NetworkCreatorDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/** `?limit=&cursor=&skill=&country=&name=`: the contract's NetworkQuery. */
export class NetworkQueryDto extends PickType(NetworkQuery, [
  'limit',
  'cursor',
  'skill',
  'country',
  'name',
] as const) {}
