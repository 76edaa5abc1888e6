import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUUID } from 'class-validator';
import type { Actor } from '@glimmer/contracts/actor';
import {
  CreditInvoiceView,
  GetCreditInvoiceRequest,
  GetCreditInvoiceRpc,
  ListCreditInvoicesRequest,
  ListCreditInvoicesRpc,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  KeysetPosition,
  Page,
} from '@glimmer/contracts/page';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { toView } from './credit-invoice';
import { CreditInvoiceRepository } from './credit-invoice.repository';

/** Credit invoices are a brand's own: other roles are refused, other brands' ids are not found. */
function brandIdOf(actor: Actor): string {
  if (actor.role !== 'brand' || !actor.brandId) {
    throw new DomainError('forbidden', 'only a brand member may read credit invoices');
  }
  return actor.brandId;
}

function positionOf(cursor: string | undefined): KeysetPosition | undefined {
  const position = decodeCursor(cursor);
  if (position === null || (position && !isUUID(position.id))) {
    throw new DomainError('validation_failed', 'cursor is not valid', {
      errors: [
        {
          field: 'cursor',
          messages: ['cursor is not valid; use nextCursor from the previous page'],
        },
      ],
    });
  }
  return position;
}

@Controller()
export class CreditInvoicesRpcController {
  constructor(
    private readonly em: EntityManager,
    private readonly invoices: CreditInvoiceRepository,
  ) {}

  @MessagePattern(ListCreditInvoicesRpc.pattern)
  async list(@Payload() req: ListCreditInvoicesRequest): Promise<Page<CreditInvoiceView>> {
    const brandId = brandIdOf(req.actor);
    const after = positionOf(req.cursor);
    const limit = req.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.invoices.list(this.em.fork(), {
      brandId,
      status: req.status,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(toView),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ createdAt: last.issuedAt, id: last.id })
          : null,
    };
  }

  @MessagePattern(GetCreditInvoiceRpc.pattern)
  async get(@Payload() req: GetCreditInvoiceRequest): Promise<CreditInvoiceView> {
    const brandId = brandIdOf(req.actor);
    const invoice = await this.invoices.findForBrand(this.em.fork(), brandId, req.creditInvoiceId);
    if (!invoice) throw notFound(`credit invoice ${req.creditInvoiceId}`);
    return toView(invoice);
  }
}
