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
import { AddPayoutMethod } from './add-payout-method.use-case';
import { PayoutMethodQueries } from './payout-methods.queries';
import { SetPreferredPayoutMethod } from './set-preferred-payout-method.use-case';

/** The catalogue is public (no actor); a creator's methods are theirs alone. */
@Controller()
export class PayoutMethodsHandler {
  constructor(
    private readonly queries: PayoutMethodQueries,
    private readonly addPayoutMethod: AddPayoutMethod,
    private readonly setPreferredPayoutMethod: SetPreferredPayoutMethod,
  ) {}

  @MessagePattern(ListAvailablePayoutMethodsRpc.pattern)
  available(@Payload() req: ListAvailablePayoutMethodsRequest): { data: AvailablePayoutMethod[] } {
    return { data: this.queries.available(req) };
  }

  @MessagePattern(AddPayoutMethodRpc.pattern)
  add(@Payload() req: AddPayoutMethodRequest): Promise<PayoutMethodView> {
    return this.addPayoutMethod.execute(req);
  }

  @MessagePattern(ListPayoutMethodsRpc.pattern)
  async list(@Payload() req: ListPayoutMethodsRequest): Promise<{ data: PayoutMethodView[] }> {
    return { data: await this.queries.list(req) };
  }

  @MessagePattern(SetPreferredPayoutMethodRpc.pattern)
  setPreferred(@Payload() req: SetPreferredPayoutMethodRequest): Promise<PayoutMethodView> {
    return this.setPreferredPayoutMethod.execute(req);
  }
}
