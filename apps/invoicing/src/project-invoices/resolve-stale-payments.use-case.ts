import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { ResolveStalePaymentsRequest } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { InvoicePaymentDriver } from './invoice-payment.driver';
import { InvoicePaymentRepository } from './invoice-payment.repository';

/** At most this many per call: the sweep comes back every minute for the rest. */
const BATCH = 50;

export interface StalePaymentsResult {
  resolved: number;
  applied: number;
  rejected: number;
}

/**
 * Finishes payments a crash or a lost reply left pending (reserved, credit's answer not
 * recorded): each is driven again, and credit either returns the draw it already made or
 * decides now. Payments another caller finishes meanwhile are not counted here.
 */
@Injectable()
export class ResolveStalePayments {
  private readonly logger = new Logger(ResolveStalePayments.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly payments: InvoicePaymentRepository,
    private readonly driver: InvoicePaymentDriver,
  ) {}

  async execute(req: ResolveStalePaymentsRequest): Promise<StalePaymentsResult> {
    const stale = await this.payments.stale(this.orm.em.fork(), req.olderThanMs, BATCH);
    const result: StalePaymentsResult = { resolved: 0, applied: 0, rejected: 0 };
    for (const payment of stale) {
      try {
        const { outcome, recorded } = await this.driver.drive(payment);
        if (!recorded) continue;
        result.resolved += 1;
        result[outcome] += 1;
      } catch (err) {
        // Credit is slow or unreachable: the others would wait the same deadline; next sweep.
        this.logger.warn(`payment ${payment.id} is still pending: ${(err as Error).message}`);
        break;
      }
    }
    return result;
  }
}
