import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTransferRequest,
  CreateTransferRpc,
  TransferView,
} from '@glimmer/contracts/credit/transfer.messages';
import { CreateTransfer } from './create-transfer.use-case';

@Controller()
export class TransfersHandler {
  constructor(private readonly createTransfer: CreateTransfer) {}

  @MessagePattern(CreateTransferRpc.pattern)
  create(@Payload() req: CreateTransferRequest): Promise<TransferView> {
    return this.createTransfer.execute({ actor: req.actor, request: req });
  }
}
