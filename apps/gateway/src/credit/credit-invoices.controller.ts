import { Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { VoidCreditInvoiceRpc } from '@glimmer/contracts/credit/deposit.messages';
import {
  GetCreditInvoiceRpc,
  ListCreditInvoicesRpc,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import { SIGNED_IN, SIGNED_IN_CHANGE, VIA_SERVICE } from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import {
  CreditInvoiceDto,
  CreditInvoicePageDto,
  CreditInvoiceQueryDto,
  VoidedCreditInvoiceDto,
} from './dto/credit-invoice.dto';

@ApiTags('Credit')
@Roles('brand')
@Controller('v1/credit-invoices')
export class CreditInvoicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOkResponse({ type: CreditInvoicePageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(
    @CurrentBrand() actor: BrandActor,
    @Query() query: CreditInvoiceQueryDto,
  ): Promise<CreditInvoicePageDto> {
    return this.rpc.call(ListCreditInvoicesRpc, { actor, ...query });
  }

  @Get(':id')
  @ApiOkResponse({ type: CreditInvoiceDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  get(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Credit invoice')) id: string,
  ): Promise<CreditInvoiceDto> {
    return this.rpc.call(GetCreditInvoiceRpc, { actor, creditInvoiceId: id });
  }

  /**
   * Deletes an unpaid credit invoice: its deposit is voided and the pending credit leaves the
   * cost code; the finance contact is told the invoice is VOID. The credit service decides.
   */
  @Delete(':id')
  @ApiOkResponse({ type: VoidedCreditInvoiceDto })
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    'not_found',
    'credit_invoice_already_paid',
    'deposit_already_cleared',
    ...VIA_SERVICE,
  )
  void(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Credit invoice')) id: string,
  ): Promise<VoidedCreditInvoiceDto> {
    return this.rpc.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: id });
  }
}
