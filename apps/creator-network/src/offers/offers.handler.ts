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
import { OffersService } from './offers.service';

@Controller()
export class OffersHandler {
  constructor(private readonly offers: OffersService) {}

  @MessagePattern(CreateOfferRpc.pattern)
  create(@Payload() req: CreateOfferRequest): Promise<OfferView> {
    const { creatorId, title, brief, fee, dueDate, costCodeId, storyCode } = req;
    return this.offers.create(
      req.actor,
      {
        creatorId,
        title,
        brief,
        fee,
        dueDate,
        costCodeId,
        storyCode,
      },
      req.idempotencyKey,
    );
  }

  @MessagePattern(ListOffersRpc.pattern)
  list(@Payload() req: ListOffersRequest): Promise<Page<OfferView>> {
    return this.offers.list(req.actor, req);
  }

  @MessagePattern(GetOfferRpc.pattern)
  get(@Payload() req: OfferIdRequest): Promise<OfferDetail> {
    return this.offers.get(req.actor, req.offerId);
  }

  @MessagePattern(AcceptOfferRpc.pattern)
  accept(@Payload() req: AcceptOfferRequest): Promise<AcceptedOffer> {
    return this.offers.accept(req.actor, req);
  }

  @MessagePattern(DeclineOfferRpc.pattern)
  decline(@Payload() req: OfferIdRequest): Promise<OfferView> {
    return this.offers.decline(req.actor, req.offerId);
  }

  @MessagePattern(WithdrawOfferRpc.pattern)
  withdraw(@Payload() req: OfferIdRequest): Promise<OfferView> {
    return this.offers.withdraw(req.actor, req.offerId);
  }

  @MessagePattern(DueOffersRpc.pattern)
  async due(@Payload() req: DueOffersRequest): Promise<{ data: DueOffer[] }> {
    return { data: await this.offers.due(req.limit) };
  }

  @MessagePattern(ExpireOfferRpc.pattern)
  expire(@Payload() req: ExpireOfferRequest): Promise<OfferView> {
    return this.offers.expire(req.offerId);
  }
}
