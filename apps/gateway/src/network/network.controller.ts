import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import {
  AddSampleFileRpc,
  AddSampleRpc,
  GetCreatorRpc,
  GetOwnProfileRpc,
  ListNetworkRpc,
  PHOTO_MAX_BYTES,
  SAMPLE_FILE_MAX_BYTES,
  UpdateProfileRpc,
  UploadPhotoRpc,
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

/** The part of multer's file this controller reads (multer's memory storage). */
interface UploadedBytes {
  buffer: Buffer;
  size: number;
}

/** "My Network" for brands; the creator's own profile and work samples. */
@ApiTags('Network')
@Controller('v1')
export class NetworkController {
  constructor(private readonly rpc: RpcClient) {}

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

  /**
   * A work sample as a file, as multipart/form-data field `file` beside the text fields `title`
   * and `description` (optional): a JPEG, PNG or WebP image, a PDF or an MP4 video (told by its
   * content, not its name), at most 10 MB (413 beyond, 415 for another type).
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
    @UploadedFile() file: UploadedBytes | undefined,
    @Body() body: SampleFileFieldsDto,
  ): Promise<WorkSampleDto> {
    if (!file) throw new DomainError('validation_failed', 'Send the sample as the field "file"');
    if (file.size === 0) throw new DomainError('validation_failed', 'The file is empty');
    const { title, description } = body;
    return this.rpc.call(AddSampleFileRpc, {
      actor,
      title,
      description,
      contentBase64: file.buffer.toString('base64'),
    });
  }

  /**
   * The creator's profile photo, as multipart/form-data field `photo`: JPEG, PNG or WebP (told
   * by its content, not its name), at most 5 MB (413 beyond, 415 for another type).
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
    @UploadedFile() photo: UploadedBytes | undefined,
  ): Promise<PhotoDto> {
    if (!photo) throw new DomainError('validation_failed', 'Send the photo as the field "photo"');
    if (photo.size === 0) throw new DomainError('validation_failed', 'The photo is empty');
    return this.rpc.call(UploadPhotoRpc, { actor, contentBase64: photo.buffer.toString('base64') });
  }
}
