import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvoiceDraw } from './invoice-draw.entity';

/** Invoice draws: the one recorded decision per invoice payment id. */
@Injectable()
export class InvoiceDrawRepository {
  find(em: EntityManager, paymentId: string): Promise<InvoiceDraw | null> {
    return em.findOne(InvoiceDraw, { paymentId });
  }

  /** One insert (returning created_at onto the entity), no unit of work. */
  async insert(em: EntityManager, draw: InvoiceDraw): Promise<InvoiceDraw> {
    await em.insert(draw);
    return draw;
  }
}
