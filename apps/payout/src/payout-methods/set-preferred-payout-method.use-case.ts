import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireCreator } from '@glimmer/contracts/actor';
import type {
  PayoutMethodView,
  SetPreferredPayoutMethodRequest,
} from '@glimmer/contracts/payout/payout-method.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { PayoutMethodNotices } from './payout-method-notices';
import { PayoutMethodRepository, toMethodView } from './payout-method.repository';

/** Exactly one preferred method per creator: the switch (and its notice) is one transaction. */
@Injectable()
export class SetPreferredPayoutMethod {
  constructor(
    private readonly orm: MikroORM,
    private readonly methods: PayoutMethodRepository,
    private readonly notices: PayoutMethodNotices,
  ) {}

  execute({ actor, methodId }: SetPreferredPayoutMethodRequest): Promise<PayoutMethodView> {
    const creator = requireCreator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      await this.methods.lockCreator(em, creator.creatorId);
      const method = await this.methods.get(em, creator.creatorId, methodId);
      if (!method) throw notFound(`payout method ${methodId}`);
      // Already preferred: nothing changes, so nothing to tell.
      if (method.preferred) return toMethodView(method);
      await this.methods.makePreferred(em, method);
      await this.notices.changed(em, creator, method, 'made_preferred');
      return toMethodView(method);
    });
  }
}
