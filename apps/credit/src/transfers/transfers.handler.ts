import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTransferRequest,
  CreateTransferRpc,
  TransferView,
} from '@glimmer/contracts/credit/transfer.messages';
import { TransfersService } from './transfers.service';

@Controller()
export class TransfersHandler {
  constructor(private readonly transfers: TransfersService) {}

  @MessagePattern(CreateTransferRpc.pattern)
  create(@Payload() req: CreateTransferRequest): Promise<TransferView> {
    return this.transfers.create(req.actor, req);
  }
}
