import { Controller, INestApplication, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DueOffer,
  DueOffersRequest,
  DueOffersRpc,
  ExpireOfferRequest,
  ExpireOfferRpc,
  OfferView,
} from '@glimmer/contracts/network/offer.messages';
import { RPC_DOUBLE_STATE, RpcDoubleState, startRpcTestDouble } from './rpc-test-double';

/**
 * TEST DOUBLE of creator-network's scheduler-facing offer RPCs (DueOffersRpc, ExpireOfferRpc),
 * served on the real broker under the test's prefix. Expiring takes the offer off the due list,
 * as the real service would; offers.int-spec.ts proves the real one against PostgreSQL.
 */
export class NetworkRpcState extends RpcDoubleState {
  /** What DueOffersRpc returns (up to its limit): sent offers past their due date. */
  due: DueOffer[] = [];
}

@Controller()
class NetworkRpcTestDoubleController {
  constructor(@Inject(RPC_DOUBLE_STATE) private readonly state: NetworkRpcState) {}

  @MessagePattern(DueOffersRpc.pattern)
  async due(@Payload() req: DueOffersRequest): Promise<{ data: DueOffer[] }> {
    await this.state.record(DueOffersRpc.pattern, req, 'due');
    return { data: this.state.due.slice(0, req.limit) };
  }

  @MessagePattern(ExpireOfferRpc.pattern)
  async expire(@Payload() req: ExpireOfferRequest): Promise<OfferView> {
    await this.state.record(ExpireOfferRpc.pattern, req, req.offerId);
    const offer = this.state.due.find((d) => d.offerId === req.offerId);
    this.state.due = this.state.due.filter((d) => d.offerId !== req.offerId);
    const none = '00000000-0000-4000-8000-000000000000';
    return {
      id: req.offerId,
      brandId: none,
      creatorId: none,
      title: 'Spring shoot',
      brief: '12 edited photos',
      fee: 150_000,
      currency: 'USD',
      dueDate: offer?.dueDate ?? '2020-01-01',
      costCodeId: none,
      storyCode: 'SPRING-27',
      status: 'expired',
      createdAt: new Date().toISOString(),
      decidedAt: new Date().toISOString(),
      projectId: null,
    };
  }
}

export function startNetworkRpcTestDouble(
  env: Record<string, string>,
): Promise<{ state: NetworkRpcState; app: INestApplication }> {
  return startRpcTestDouble(
    'creator-network',
    env,
    NetworkRpcTestDoubleController,
    new NetworkRpcState(),
  );
}
