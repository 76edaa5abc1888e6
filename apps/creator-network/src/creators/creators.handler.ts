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
import { AddSampleFile } from './add-sample-file.use-case';
import { AddSample } from './add-sample.use-case';
import { CreatorQueries } from './creator.queries';
import { RecordPhoto } from './record-photo.use-case';
import { RemoveSample } from './remove-sample.use-case';
import { UpdateProfile } from './update-profile.use-case';

@Controller()
export class CreatorsHandler {
  constructor(
    private readonly queries: CreatorQueries,
    private readonly updateProfileUseCase: UpdateProfile,
    private readonly addSampleUseCase: AddSample,
    private readonly recordPhotoUseCase: RecordPhoto,
    private readonly addSampleFileUseCase: AddSampleFile,
    private readonly removeSampleUseCase: RemoveSample,
  ) {}

  @MessagePattern(UpdateProfileRpc.pattern)
  updateProfile(@Payload() req: UpdateProfileRequest): Promise<CreatorView> {
    return this.updateProfileUseCase.execute({ actor: req.actor, profile: req.profile });
  }

  @MessagePattern(GetOwnProfileRpc.pattern)
  ownProfile(@Payload() req: ActorRequest): Promise<CreatorView> {
    return this.queries.ownProfile(req.actor);
  }

  @MessagePattern(AddSampleRpc.pattern)
  addSample(@Payload() req: AddSampleRequest): Promise<WorkSampleView> {
    const { title, url, description } = req;
    return this.addSampleUseCase.execute({ actor: req.actor, sample: { title, url, description } });
  }

  @MessagePattern(GetCreatorRpc.pattern)
  get(@Payload() req: GetCreatorRequest): Promise<CreatorView> {
    return this.queries.forBrand(req.actor, req.creatorId);
  }

  @MessagePattern(ListNetworkRpc.pattern)
  network(@Payload() req: ListNetworkRequest): Promise<Page<NetworkCreatorView>> {
    return this.queries.network(req.actor, req);
  }

  @MessagePattern(RecordPhotoRpc.pattern)
  recordPhoto(@Payload() req: RecordPhotoRequest): Promise<PhotoView> {
    return this.recordPhotoUseCase.execute({ actor: req.actor, file: req.file });
  }

  @MessagePattern(AddSampleFileRpc.pattern)
  addSampleFile(@Payload() req: AddSampleFileRequest): Promise<WorkSampleView> {
    const { title, description } = req;
    return this.addSampleFileUseCase.execute({
      actor: req.actor,
      sample: { title, description },
      file: req.file,
    });
  }

  @MessagePattern(RemoveSampleRpc.pattern)
  removeSample(@Payload() req: RemoveSampleRequest): Promise<{ id: string }> {
    return this.removeSampleUseCase.execute({ actor: req.actor, sampleId: req.sampleId });
  }

  @MessagePattern(GetFileRpc.pattern)
  file(@Payload() req: GetFileRequest): Promise<FileMetadataView> {
    return this.queries.file(req.actor, req.key);
  }
}
