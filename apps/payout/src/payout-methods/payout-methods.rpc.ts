import { Controller } from '@nestjs/common';
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
import { OnRpc } from '@glimmer/messaging/handlers';
import { AddPayoutMethod } from './add-payout-method.use-case';
import { PayoutMethodQueries } from './payout-methods.queries';
import { SetPreferredPayoutMethod } from './set-preferred-payout-method.use-case';

/** The catalogue is public (no actor); a creator's methods are theirs alone. */
@Controller()
export class PayoutMethodsRpc {
  constructor(
    private readonly queries: PayoutMethodQueries,
    private readonly addPayoutMethod: AddPayoutMethod,
    private readonly setPreferredPayoutMethod: SetPreferredPayoutMethod,
  ) {}

  @OnRpc(ListAvailablePayoutMethodsRpc)
  available(req: ListAvailablePayoutMethodsRequest): { data: AvailablePayoutMethod[] } {
    return { data: this.queries.available(req) };
  }

  @OnRpc(AddPayoutMethodRpc)
  add(req: AddPayoutMethodRequest): Promise<PayoutMethodView> {
    return this.addPayoutMethod.execute(req);
  }

  @OnRpc(ListPayoutMethodsRpc)
  async list(req: ListPayoutMethodsRequest): Promise<{ data: PayoutMethodView[] }> {
    return { data: await this.queries.list(req) };
  }

  @OnRpc(SetPreferredPayoutMethodRpc)
  setPreferred(req: SetPreferredPayoutMethodRequest): Promise<PayoutMethodView> {
    return this.setPreferredPayoutMethod.execute(req);
  }
}
