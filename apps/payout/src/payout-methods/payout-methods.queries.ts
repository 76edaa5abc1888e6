import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireCreator } from '@glimmer/contracts/actor';
import type {
  AvailablePayoutMethod,
  ListAvailablePayoutMethodsRequest,
  ListPayoutMethodsRequest,
  PayoutMethodView,
} from '@glimmer/contracts/payout/payout-method.messages';
import { methodsFor, toAvailable } from './payout-method-catalogue';
import { PayoutMethodRepository, toMethodView } from './payout-method.repository';

/**
 * The payout method aggregate's read-only queries (one class for the reads, as the house style
 * allows; adding and choosing the preferred method are use cases): the catalogue of methods a
 * country offers, and a creator's own methods.
 */
@Injectable()
export class PayoutMethodQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly methods: PayoutMethodRepository,
  ) {}

  /** Public: no actor. */
  available({ country }: ListAvailablePayoutMethodsRequest): AvailablePayoutMethod[] {
    return methodsFor(country).map(toAvailable);
  }

  async list({ actor }: ListPayoutMethodsRequest): Promise<PayoutMethodView[]> {
    const creator = requireCreator(actor);
    return (await this.methods.list(this.orm.em.fork(), creator.creatorId)).map(toMethodView);
  }
}
