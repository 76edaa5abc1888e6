import { Controller } from '@nestjs/common';
import {
  CreateTransferRequest,
  CreateTransferRpc,
  TransferView,
} from '@glimmer/contracts/credit/transfer.messages';
import { CreateTransfer } from './create-transfer.use-case';
import { OnRpc } from '@glimmer/messaging/handlers';

@Controller()
export class TransfersRpc {
  constructor(private readonly createTransfer: CreateTransfer) {}

  @OnRpc(CreateTransferRpc)
  create(req: CreateTransferRequest): Promise<TransferView> {
    return this.createTransfer.execute({ actor: req.actor, request: req });
  }
}
