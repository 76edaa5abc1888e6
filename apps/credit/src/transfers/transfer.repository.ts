import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Transfer } from './transfer.entity';

/** Transfers: the record of a movement (the ledger holds the movement itself). */
@Injectable()
export class TransferRepository {
  byIdempotencyKey(em: EntityManager, brandId: string, key: string): Promise<Transfer | null> {
    // A replay only reads it: kept out of the identity map (nothing for the commit to flush).
    return em.findOne(Transfer, { brandId, idempotencyKey: key }, { disableIdentityMap: true });
  }

  /** One insert (returning created_at), no unit of work: the transfer path stays one round trip. */
  async insert(em: EntityManager, transfer: Transfer): Promise<Transfer> {
    await em.insert(transfer);
    return transfer;
  }
}
