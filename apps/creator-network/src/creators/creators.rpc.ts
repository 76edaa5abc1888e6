import { Controller } from '@nestjs/common';
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
import { OnRpc } from '@glimmer/messaging/handlers';
import { ActorRequest } from '@glimmer/contracts/validation';
import { AddSampleFile } from './add-sample-file.use-case';
import { AddSample } from './add-sample.use-case';
import { CreatorQueries } from './creator.queries';
import { RecordPhoto } from './record-photo.use-case';
import { RemoveSample } from './remove-sample.use-case';
import { UpdateProfile } from './update-profile.use-case';

@Controller()
export class CreatorsRpc {
  constructor(
    private readonly queries: CreatorQueries,
    private readonly updateProfileUseCase: UpdateProfile,
    private readonly addSampleUseCase: AddSample,
    private readonly recordPhotoUseCase: RecordPhoto,
    private readonly addSampleFileUseCase: AddSampleFile,
    private readonly removeSampleUseCase: RemoveSample,
  ) {}

  @OnRpc(UpdateProfileRpc)
  updateProfile(req: UpdateProfileRequest): Promise<CreatorView> {
    return this.updateProfileUseCase.execute({ actor: req.actor, profile: req.profile });
  }

  @OnRpc(GetOwnProfileRpc)
  ownProfile(req: ActorRequest): Promise<CreatorView> {
    return this.queries.ownProfile(req.actor);
  }

  @OnRpc(AddSampleRpc)
  addSample(req: AddSampleRequest): Promise<WorkSampleView> {
    const { title, url, description } = req;
    return this.addSampleUseCase.execute({ actor: req.actor, sample: { title, url, description } });
  }

  @OnRpc(GetCreatorRpc)
  get(req: GetCreatorRequest): Promise<CreatorView> {
    return this.queries.forBrand(req.actor, req.creatorId);
  }

  @OnRpc(ListNetworkRpc)
  network(req: ListNetworkRequest): Promise<Page<NetworkCreatorView>> {
    return this.queries.network(req.actor, req);
  }

  @OnRpc(RecordPhotoRpc)
  recordPhoto(req: RecordPhotoRequest): Promise<PhotoView> {
    return this.recordPhotoUseCase.execute({ actor: req.actor, file: req.file });
  }

  @OnRpc(AddSampleFileRpc)
  addSampleFile(req: AddSampleFileRequest): Promise<WorkSampleView> {
    const { title, description } = req;
    return this.addSampleFileUseCase.execute({
      actor: req.actor,
      sample: { title, description },
      file: req.file,
    });
  }

  @OnRpc(RemoveSampleRpc)
  removeSample(req: RemoveSampleRequest): Promise<{ id: string }> {
    return this.removeSampleUseCase.execute({ actor: req.actor, sampleId: req.sampleId });
  }

  @OnRpc(GetFileRpc)
  file(req: GetFileRequest): Promise<FileMetadataView> {
    return this.queries.file(req.actor, req.key);
  }
}
