import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import {
  AddSampleFileRpc,
  AddSampleRpc,
  GetCreatorRpc,
  GetOwnProfileRpc,
  ListNetworkRpc,
  PHOTO_MAX_BYTES,
  RecordPhotoRpc,
  RemoveSampleRpc,
  SAMPLE_FILE_MAX_BYTES,
  UpdateProfileRpc,
} from '@glimmer/contracts/network/creator.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, CurrentBrand, Roles } from '../auth/auth.decorators';
import {
  RATE_LIMITED,
  FILE_UPLOAD,
  IDEMPOTENT,
  JSON_BODY,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  CreatorDto,
  NetworkPageDto,
  NetworkQueryDto,
  PhotoDto,
  ProfileDto,
  SampleDto,
  SampleFileFieldsDto,
  WorkSampleDto,
} from './dto/creator.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import type { StoredUpload } from './upload-storage.engine';
import { UploadedFiles } from './uploaded-files';

/** What an upload's file is, once StorageUploadEngine stored it: only this goes on. */
const storedFile = ({ key, contentType, size, sha256 }: StoredUpload) => ({
  key,
  contentType,
  size,
  sha256,
});

/** "My Network" for brands; the creator's own profile and work samples. */
@ApiTags('Network')
@Controller('v1')
export class NetworkController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly uploads: UploadedFiles,
  ) {}

  @Get('network')
  @Roles('brand')
  @ApiOkResponse({ type: NetworkPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  network(
    @CurrentBrand() actor: BrandActor,
    @Query() query: NetworkQueryDto,
  ): Promise<NetworkPageDto> {
    const { limit, cursor, skill, country, name } = query;
    return this.rpc.call(ListNetworkRpc, { actor, limit, cursor, skill, country, name });
  }

  /** An in-network creator's profile and samples; any other creator is 404. */
  @Get('creators/:id')
  @Roles('brand')
  @ApiOkResponse({ type: CreatorDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  creator(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Creator')) id: string,
  ): Promise<CreatorDto> {
    return this.rpc.call(GetCreatorRpc, { actor, creatorId: id });
  }

  @Get('me/profile')
  @Roles('creator')
  @ApiOkResponse({ type: CreatorDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  ownProfile(@CurrentActor() actor: Actor): Promise<CreatorDto> {
    return this.rpc.call(GetOwnProfileRpc, { actor });
  }

  @Put('me/profile')
  @Roles('creator')
  @ApiOkResponse({ type: CreatorDto })
  @ApiErrors(...SIGNED_IN_CHANGE, ...JSON_BODY, 'not_found', ...VIA_SERVICE)
  updateProfile(@CurrentActor() actor: Actor, @Body() body: ProfileDto): Promise<CreatorDto> {
    return this.rpc.call(UpdateProfileRpc, { actor, profile: { ...body } });
  }

  @Post('me/samples')
  @Roles('creator')
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: WorkSampleDto })
  @ApiErrors(...SIGNED_IN_CHANGE, ...JSON_BODY, ...IDEMPOTENT, 'not_found', ...VIA_SERVICE)
  addSample(@CurrentActor() actor: Actor, @Body() body: SampleDto): Promise<WorkSampleDto> {
    return this.rpc.call(AddSampleRpc, { actor, ...body });
  }

  /** Removes one of the creator's own work samples (and its file, if it is one). */
  @Delete('me/samples/:id')
  @Roles('creator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(...SIGNED_IN_CHANGE, 'validation_failed', 'not_found', ...VIA_SERVICE)
  async removeSample(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Sample')) id: string,
  ): Promise<void> {
    await this.rpc.call(RemoveSampleRpc, { actor, sampleId: id });
  }

  /**
   * A work sample as a file, as multipart/form-data field `file` beside the text fields `title`
   * and `description` (optional): a JPEG, PNG or WebP image, a PDF or an MP4 video (told by its
   * content, not its name), at most 10 MB (413 beyond, 415 for another type), within the
   * creator's quota (413 `upload_quota_bytes_exceeded`, 409 `upload_quota_files_exceeded`).
   */
  @RateLimit('upload')
  @Post('me/samples/file')
  @Roles('creator')
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: SAMPLE_FILE_MAX_BYTES, files: 1, fields: 2, fieldSize: 16 * 1024 },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'title'],
      properties: {
        file: { type: 'string', format: 'binary' },
        title: { type: 'string', maxLength: 200 },
        description: { type: 'string', maxLength: 2000 },
      },
    },
  })
  @ApiCreatedResponse({ type: WorkSampleDto })
  @ApiErrors(...RATE_LIMITED, ...SIGNED_IN_CHANGE, ...FILE_UPLOAD, 'not_found', ...VIA_SERVICE)
  addSampleFile(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: StoredUpload | undefined,
    @Body() body: SampleFileFieldsDto,
  ): Promise<WorkSampleDto> {
    if (!file) throw new DomainError('validation_failed', 'Send the sample as the field "file"');
    const { title, description } = body;
    return this.uploads.record(file, () =>
      this.rpc.call(AddSampleFileRpc, { actor, title, description, file: storedFile(file) }),
    );
  }

  /**
   * The creator's profile photo, as multipart/form-data field `photo`: JPEG, PNG or WebP (told
   * by its content, not its name), at most 5 MB (413 beyond, 415 for another type), within the
   * creator's quota. The previous photo's file is deleted.
   */
  @RateLimit('upload')
  @Post('me/profile/photo')
  @Roles('creator')
  @UseInterceptors(
    FileInterceptor('photo', { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['photo'],
      properties: { photo: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: PhotoDto })
  @ApiErrors(...RATE_LIMITED, ...SIGNED_IN_CHANGE, ...FILE_UPLOAD, 'not_found', ...VIA_SERVICE)
  uploadPhoto(
    @CurrentActor() actor: Actor,
    @UploadedFile() photo: StoredUpload | undefined,
  ): Promise<PhotoDto> {
    if (!photo) throw new DomainError('validation_failed', 'Send the photo as the field "photo"');
    return this.uploads.record(photo, () =>
      this.rpc.call(RecordPhotoRpc, { actor, file: storedFile(photo) }),
    );
  }
}
