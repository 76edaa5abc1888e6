import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';
import {
  PHOTO_CONTENT_TYPES,
  type PhotoContentType,
  SAMPLE_FILE_CONTENT_TYPES,
  type SampleFileContentType,
} from '@glimmer/contracts/network/creator.messages';

export class ProfileDto {
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

export class SampleDto {
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

/** The text fields of a work sample uploaded as a file (multipart/form-data, beside `file`). */
export class SampleFileFieldsDto {
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
}

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

export class NetworkQueryDto extends PageQueryDto {
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
