import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddPayoutMethodRequest,
  AddPayoutMethodRpc,
  AvailablePayoutMethod,
  ListAvailablePayoutMethodsRequest,
  ListAvailablePayoutMethodsRpc,
  ListPayoutMethodsRequest,
  ListPayoutMethodsRpc,
  PayoutMethodView,
  SetPreferredPayoutMethodRequest,
  SetPreferredPayoutMethodRpc,
} from '@glimmer/contracts/payout/payout-method.messages';
import { PayoutMethodsService } from './payout-methods.service';

/** The catalogue is public (no actor); a creator's methods are theirs alone. */
@Controller()
export class PayoutMethodsHandler {
  constructor(private readonly methods: PayoutMethodsService) {}

  @MessagePattern(ListAvailablePayoutMethodsRpc.pattern)
  available(@Payload() req: ListAvailablePayoutMethodsRequest): { data: AvailablePayoutMethod[] } {
    return { data: this.methods.available(req.country) };
  }

  @MessagePattern(AddPayoutMethodRpc.pattern)
  add(@Payload() req: AddPayoutMethodRequest): Promise<PayoutMethodView> {
    return this.methods.add(req.actor, req);
  }

  @MessagePattern(ListPayoutMethodsRpc.pattern)
  async list(@Payload() req: ListPayoutMethodsRequest): Promise<{ data: PayoutMethodView[] }> {
    return { data: await this.methods.list(req.actor) };
  }

  @MessagePattern(SetPreferredPayoutMethodRpc.pattern)
  setPreferred(@Payload() req: SetPreferredPayoutMethodRequest): Promise<PayoutMethodView> {
    return this.methods.setPreferred(req.actor, req.methodId);
  }
}
