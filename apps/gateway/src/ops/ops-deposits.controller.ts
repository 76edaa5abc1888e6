import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  FindDepositForOpsRpc,
  ListDepositsForOpsRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { SIGNED_IN, VIA_SERVICE } from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { OpsDepositDto, OpsDepositPageDto, OpsDepositQueryDto } from './dto/ops-deposit.dto';

/** Ops: deposits across brands, e.g. pending longer than expected, and one found by id. */
@ApiTags('Operations')
@Roles('ops')
@Controller('v1/ops/deposits')
export class OpsDepositsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Oldest first: the deposit waiting longest comes first. */
  @Get()
  @ApiOkResponse({ type: OpsDepositPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: OpsDepositQueryDto,
  ): Promise<OpsDepositPageDto> {
    return this.rpc.call(ListDepositsForOpsRpc, { actor, ...query });
  }

  /** `id`: the deposit's id or its credit invoice's id. */
  @Get(':id')
  @ApiOkResponse({ type: OpsDepositDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  find(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Deposit')) id: string,
  ): Promise<OpsDepositDto> {
    return this.rpc.call(FindDepositForOpsRpc, { actor, id });
  }
}
