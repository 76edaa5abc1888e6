import { IntersectionType } from '@nestjs/mapped-types';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest } from '../validation';

export interface ProfileView {
  displayName: string | null;
  bio: string | null;
  country: string | null;
  city: string | null;
  skills: string[];
  languages: string[];
  equipment: string[];
  updatedAt: string | null;
}

/** A stored file as views show it: where to fetch it (`GET /v1/files/<key>`), its type and size. */
export interface StoredFileView {
  url: string;
  contentType: SampleFileContentType;
  size: number;
}

/** A work sample is either a link (`url`) or an uploaded file (`file`); the other one is null. */
export interface WorkSampleView {
  id: string;
  title: string;
  url: string | null;
  file: StoredFileView | null;
  description: string | null;
  createdAt: string;
}

/** A creator as an in-network brand sees them. */
export interface NetworkCreatorView {
  creatorId: string;
  name: string;
  email: string;
  joinedAt: string;
  profile: ProfileView;
}

export interface CreatorView extends NetworkCreatorView {
  samples: WorkSampleView[];
  /** Where the creator's profile photo is, once uploaded. */
  photoUrl: string | null;
}

/** Profile photos: JPEG, PNG or WebP, told apart by their first bytes, at most 5 MB. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/**
 * Work samples uploaded as files: images (as photos), PDF documents and MP4 videos, told apart
 * by their first bytes, at most 10 MB.
 */
export const SAMPLE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const SAMPLE_FILE_CONTENT_TYPES = [
  ...PHOTO_CONTENT_TYPES,
  'application/pdf',
  'video/mp4',
] as const;
export type SampleFileContentType = (typeof SAMPLE_FILE_CONTENT_TYPES)[number];

/**
 * The keys stored files are named by: a random UUID and an extension. Anything else names no
 * file (a 404, never a path).
 */
export const FILE_KEY_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{2,5}$/;

export interface PhotoView {
  photoUrl: string;
  contentType: PhotoContentType;
  size: number;
}

/** The creator's own profile: basic information, location and professional setup. */
export class ProfileInput {
  @ApiProperty({ example: 'Ada Lens Studio' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  bio?: string;

  /** Optional: the guided profile saves page by page, and the country comes on its last page. */
  @ApiPropertyOptional({
    example: 'DE',
    description:
      'ISO 3166-1 alpha-2 country of residence; may be left out while the profile is filled in page by page',
  })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code (e.g. "DE")' })
  country?: string;

  @ApiPropertyOptional({ example: 'Berlin' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string;

  @ApiProperty({ type: [String], example: ['Photography', 'Video'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  skills: string[];

  @ApiProperty({ type: [String], example: ['en', 'de'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  languages: string[];

  @ApiProperty({ type: [String], example: ['Sony A7 IV', 'DJI Mini 4'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(120, { each: true })
  equipment: string[];
}

export class UpdateProfileRequest extends ActorRequest {
  @ValidateNested()
  @Type(() => ProfileInput)
  profile: ProfileInput;
}

export class SampleInput {
  @ApiProperty({ example: 'Autumn lookbook' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'https://portfolio.example/autumn' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class AddSampleRequest extends IntersectionType(ActorRequest, SampleInput) {}

export class NetworkQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Has this skill (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  skill?: string;

  @ApiPropertyOptional({ example: 'DE' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ description: 'Part of the name or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;
}

export class ListNetworkRequest extends IntersectionType(ActorRequest, NetworkQuery) {}

export class GetCreatorRequest extends ActorRequest {
  @IsUUID()
  creatorId: string;
}

/**
 * A file the gateway has already put in the file storage, as it measured it. Only this crosses
 * the broker, never the bytes: the type was told by the file's magic bytes, the size and the
 * SHA-256 counted as it streamed in.
 */
export class StoredFileInput {
  @Matches(FILE_KEY_PATTERN, { message: 'key must be a stored file key' })
  key: string;

  @IsIn(SAMPLE_FILE_CONTENT_TYPES)
  contentType: SampleFileContentType;

  @IsInt()
  @Min(1)
  @Max(SAMPLE_FILE_MAX_BYTES)
  size: number;

  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256: string;
}

/** The creator's new profile photo (already stored); the previous one is deleted. */
export class RecordPhotoRequest extends ActorRequest {
  @ValidateNested()
  @Type(() => StoredFileInput)
  file: StoredFileInput;
}

/** A work sample that is a file (already stored). */
export class AddSampleFileRequest extends ActorRequest {
  @ApiProperty({ example: 'Autumn lookbook' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ValidateNested()
  @Type(() => StoredFileInput)
  file: StoredFileInput;
}

/** One of the creator's own work samples, to remove (its file, if any, is deleted). */
export class RemoveSampleRequest extends ActorRequest {
  @IsUUID()
  sampleId: string;
}

/** A stored file (profile photo or sample file) by its key, for whoever may see it. */
export class GetFileRequest extends ActorRequest {
  @IsString()
  @MaxLength(200)
  key: string;
}

/** A stored file the caller may see: the gateway then serves its bytes from the storage. */
export interface FileMetadataView {
  key: string;
  contentType: SampleFileContentType;
  size: number;
}

export const UpdateProfileRpc = rpcContract<UpdateProfileRequest, CreatorView>(
  'creator-network',
  'network.profile.update.v1',
  UpdateProfileRequest,
);
export const GetOwnProfileRpc = rpcContract<ActorRequest, CreatorView>(
  'creator-network',
  'network.profile.get.v1',
  ActorRequest,
);
export const AddSampleRpc = rpcContract<AddSampleRequest, WorkSampleView>(
  'creator-network',
  'network.sample.add.v1',
  AddSampleRequest,
);
export const ListNetworkRpc = rpcContract<ListNetworkRequest, Page<NetworkCreatorView>>(
  'creator-network',
  'network.creator.list.v1',
  ListNetworkRequest,
);
export const GetCreatorRpc = rpcContract<GetCreatorRequest, CreatorView>(
  'creator-network',
  'network.creator.get.v1',
  GetCreatorRequest,
);
/** v2: the file's metadata (v1 carried its bytes, base64). */
export const RecordPhotoRpc = rpcContract<RecordPhotoRequest, PhotoView>(
  'creator-network',
  'network.profile.photo.record.v2',
  RecordPhotoRequest,
);
/** v2: the file's metadata (v1 carried its bytes, base64). */
export const AddSampleFileRpc = rpcContract<AddSampleFileRequest, WorkSampleView>(
  'creator-network',
  'network.sample.file.add.v2',
  AddSampleFileRequest,
);
export const RemoveSampleRpc = rpcContract<RemoveSampleRequest, { id: string }>(
  'creator-network',
  'network.sample.remove.v1',
  RemoveSampleRequest,
);
/** v2: whether the caller may see the file, and its metadata (v1 answered its bytes). */
export const GetFileRpc = rpcContract<GetFileRequest, FileMetadataView>(
  'creator-network',
  'network.file.get.v2',
  GetFileRequest,
);
