import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddSampleFileRequest,
  AddSampleFileRpc,
  AddSampleRequest,
  AddSampleRpc,
  CreatorView,
  FileMetadataView,
  GetCreatorRequest,
  GetCreatorRpc,
  GetFileRequest,
  GetFileRpc,
  GetOwnProfileRpc,
  ListNetworkRequest,
  ListNetworkRpc,
  NetworkCreatorView,
  PhotoView,
  RecordPhotoRequest,
  RecordPhotoRpc,
  RemoveSampleRequest,
  RemoveSampleRpc,
  UpdateProfileRequest,
  UpdateProfileRpc,
  WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import type { Page } from '@glimmer/contracts/page';
import { ActorRequest } from '@glimmer/contracts/validation';
import { CreatorFilesService } from './creator-files.service';
import { CreatorsService } from './creators.service';

@Controller()
export class CreatorsHandler {
  constructor(
    private readonly creators: CreatorsService,
    private readonly files: CreatorFilesService,
  ) {}

  @MessagePattern(UpdateProfileRpc.pattern)
  updateProfile(@Payload() req: UpdateProfileRequest): Promise<CreatorView> {
    return this.creators.updateProfile(req.actor, req.profile);
  }

  @MessagePattern(GetOwnProfileRpc.pattern)
  ownProfile(@Payload() req: ActorRequest): Promise<CreatorView> {
    return this.creators.ownProfile(req.actor);
  }

  @MessagePattern(AddSampleRpc.pattern)
  addSample(@Payload() req: AddSampleRequest): Promise<WorkSampleView> {
    const { title, url, description } = req;
    return this.creators.addSample(req.actor, { title, url, description });
  }

  @MessagePattern(GetCreatorRpc.pattern)
  get(@Payload() req: GetCreatorRequest): Promise<CreatorView> {
    return this.creators.getForBrand(req.actor, req.creatorId);
  }

  @MessagePattern(ListNetworkRpc.pattern)
  network(@Payload() req: ListNetworkRequest): Promise<Page<NetworkCreatorView>> {
    return this.creators.network(req.actor, req);
  }

  @MessagePattern(RecordPhotoRpc.pattern)
  recordPhoto(@Payload() req: RecordPhotoRequest): Promise<PhotoView> {
    return this.files.recordPhoto(req.actor, req.file);
  }

  @MessagePattern(AddSampleFileRpc.pattern)
  addSampleFile(@Payload() req: AddSampleFileRequest): Promise<WorkSampleView> {
    const { title, description } = req;
    return this.files.addSampleFile(req.actor, { title, description }, req.file);
  }

  @MessagePattern(RemoveSampleRpc.pattern)
  removeSample(@Payload() req: RemoveSampleRequest): Promise<{ id: string }> {
    return this.files.removeSample(req.actor, req.sampleId);
  }

  @MessagePattern(GetFileRpc.pattern)
  file(@Payload() req: GetFileRequest): Promise<FileMetadataView> {
    return this.files.read(req.actor, req.key);
  }
}
