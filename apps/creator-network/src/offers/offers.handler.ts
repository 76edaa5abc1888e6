import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptedOffer,
  AcceptOfferRequest,
  AcceptOfferRpc,
  CreateOfferRequest,
  CreateOfferRpc,
  DeclineOfferRpc,
  DueOffer,
  DueOffersRequest,
  DueOffersRpc,
  ExpireOfferRequest,
  ExpireOfferRpc,
  GetOfferRpc,
  ListOffersRequest,
  ListOffersRpc,
  OfferDetail,
  OfferIdRequest,
  OfferView,
  WithdrawOfferRpc,
} from '@glimmer/contracts/network/offer.messages';
import type { Page } from '@glimmer/contracts/page';
import { AcceptOffer } from './accept-offer.use-case';
import { CreateOffer } from './create-offer.use-case';
import { DeclineOffer } from './decline-offer.use-case';
import { ExpireOffer } from './expire-offer.use-case';
import { OfferQueries } from './offer.queries';
import { WithdrawOffer } from './withdraw-offer.use-case';

@Controller()
export class OffersHandler {
  constructor(
    private readonly queries: OfferQueries,
    private readonly createOffer: CreateOffer,
    private readonly acceptOffer: AcceptOffer,
    private readonly declineOffer: DeclineOffer,
    private readonly withdrawOffer: WithdrawOffer,
    private readonly expireOffer: ExpireOffer,
  ) {}

  @MessagePattern(CreateOfferRpc.pattern)
  create(@Payload() req: CreateOfferRequest): Promise<OfferView> {
    const { creatorId, title, brief, fee, dueDate, costCodeId, storyCode } = req;
    return this.createOffer.execute({
      actor: req.actor,
      offer: { creatorId, title, brief, fee, dueDate, costCodeId, storyCode },
      idempotencyKey: req.idempotencyKey,
    });
  }

  @MessagePattern(ListOffersRpc.pattern)
  list(@Payload() req: ListOffersRequest): Promise<Page<OfferView>> {
    return this.queries.list(req.actor, req);
  }

  @MessagePattern(GetOfferRpc.pattern)
  get(@Payload() req: OfferIdRequest): Promise<OfferDetail> {
    return this.queries.get(req.actor, req.offerId);
  }

  @MessagePattern(AcceptOfferRpc.pattern)
  accept(@Payload() req: AcceptOfferRequest): Promise<AcceptedOffer> {
    return this.acceptOffer.execute(req);
  }

  @MessagePattern(DeclineOfferRpc.pattern)
  decline(@Payload() req: OfferIdRequest): Promise<OfferView> {
    return this.declineOffer.execute({ actor: req.actor, offerId: req.offerId });
  }

  @MessagePattern(WithdrawOfferRpc.pattern)
  withdraw(@Payload() req: OfferIdRequest): Promise<OfferView> {
    return this.withdrawOffer.execute({ actor: req.actor, offerId: req.offerId });
  }

  @MessagePattern(DueOffersRpc.pattern)
  async due(@Payload() req: DueOffersRequest): Promise<{ data: DueOffer[] }> {
    return { data: await this.queries.due(req.limit) };
  }

  @MessagePattern(ExpireOfferRpc.pattern)
  expire(@Payload() req: ExpireOfferRequest): Promise<OfferView> {
    return this.expireOffer.execute({ offerId: req.offerId });
  }
}
