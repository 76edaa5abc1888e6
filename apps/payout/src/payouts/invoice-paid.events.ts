import { Controller } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ProjectInvoicePaid,
  ProjectInvoicePaidEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import { OnEvent } from '@glimmer/messaging/handlers';
import { creatorMethodsLock } from '../payout-methods/payout-method.repository';
import { RecordPaidInvoice } from './record-paid-invoice.use-case';

/**
 * A paid project invoice becomes one payout: the inbox drops a redelivered message, and the
 * unique invoice id drops a republished one.
 */
@Controller()
export class InvoicePaidEvents {
  constructor(private readonly recordPaidInvoice: RecordPaidInvoice) {}

  @OnEvent(ProjectInvoicePaidEvent, {
    consumer: 'payout.payout.invoice-paid',
    // RecordPaidInvoice runs under its creator's method lock: taken once for the whole batch.
    locks: (p) => [creatorMethodsLock(p.creatorId)],
  })
  async onInvoicePaid(p: ProjectInvoicePaid, em: EntityManager): Promise<string> {
    const outcome = await this.recordPaidInvoice.execute(em, p);
    return `invoice ${p.invoiceId} paid: payout ${outcome}`;
  }
}
