import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import {
  AddSampleRpc,
  GetCreatorRpc,
  GetOwnProfileRpc,
  ListNetworkRpc,
  UpdateProfileRpc,
} from '@glimmer/contracts/network/creator.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, CurrentBrand, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/uuid-param';
import {
  CreatorDto,
  NetworkPageDto,
  NetworkQueryDto,
  ProfileDto,
  SampleDto,
  WorkSampleDto,
} from './dto/creator.dto';

/** "My Network" for brands; the creator's own profile and work samples. */
@ApiTags('Network')
@ApiBearerAuth()
@Controller('v1')
export class NetworkController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('network')
  @Roles('brand')
  @ApiOkResponse({ type: NetworkPageDto })
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
  creator(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Creator')) id: string,
  ): Promise<CreatorDto> {
    return this.rpc.call(GetCreatorRpc, { actor, creatorId: id });
  }

  @Get('me/profile')
  @Roles('creator')
  @ApiOkResponse({ type: CreatorDto })
  ownProfile(@CurrentActor() actor: Actor): Promise<CreatorDto> {
    return this.rpc.call(GetOwnProfileRpc, { actor });
  }

  @Put('me/profile')
  @Roles('creator')
  @ApiOkResponse({ type: CreatorDto })
  updateProfile(@CurrentActor() actor: Actor, @Body() body: ProfileDto): Promise<CreatorDto> {
    return this.rpc.call(UpdateProfileRpc, { actor, profile: { ...body } });
  }

  @Post('me/samples')
  @Roles('creator')
  @ApiCreatedResponse({ type: WorkSampleDto })
  addSample(@CurrentActor() actor: Actor, @Body() body: SampleDto): Promise<WorkSampleDto> {
    return this.rpc.call(AddSampleRpc, { actor, ...body });
  }
}
