import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BrandActor } from '@glimmer/contracts/actor';
import {
  ApplyCreditRpc,
  AttachCostCodeRpc,
  GetProjectInvoiceRpc,
  ListProjectInvoicesRpc,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { MAX_PAGE_SIZE } from '@glimmer/contracts/page';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import {
  RATE_LIMITED,
  IDEMPOTENCY_REQUIRED,
  JSON_BODY,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { Idempotent, IdempotencyKey } from '../idempotency/idempotent.decorator';
import {
  ApplyCreditDto,
  AttachCostCodeDto,
  ProjectInvoiceDto,
  ProjectInvoicePageDto,
  ProjectInvoiceQueryDto,
} from './dto/project-invoice.dto';
import { failCsvStream, INVOICE_CSV_HEADER, invoiceCsvRow } from './invoice-csv';
import { InvoiceCreditSources } from './invoice-credit-sources.service';
import { RateLimit } from '../rate-limit/rate-limit.guard';

/** Project invoices (the Reports page's Invoices section) and paying them with credit. */
@ApiTags('Invoicing')
@Roles('brand')
@Controller('v1/invoices')
export class InvoicesController {
  private readonly logger = new Logger(InvoicesController.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly credit: InvoiceCreditSources,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProjectInvoicePageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  async list(
    @CurrentBrand() actor: BrandActor,
    @Query() query: ProjectInvoiceQueryDto,
  ): Promise<ProjectInvoicePageDto> {
    const page = await this.rpc.call(ListProjectInvoicesRpc, { actor, ...query });
    return { data: await this.credit.withCredit(actor, page.data), nextCursor: page.nextCursor };
  }

  /**
   * Every invoice matching the filters as CSV, streamed page by page so a large export never
   * sits in memory. (Declared before `:id`, which would otherwise take "export.csv".)
   */
  @Get('export.csv')
  @ApiOkResponse({
    description: 'One row per invoice, amounts in major units (an attachment, invoices.csv)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  async export(
    @CurrentBrand() actor: BrandActor,
    @Query() query: ProjectInvoiceQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const filters = {
      status: query.status,
      costCodeId: query.costCodeId,
      storyCode: query.storyCode,
    };
    // The first page is fetched before any byte is sent, so a failing dependency is still a
    // clean problem+json answer rather than a truncated file.
    let page = await this.rpc.call(ListProjectInvoicesRpc, {
      actor,
      ...filters,
      limit: MAX_PAGE_SIZE,
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="invoices.csv"');
    res.write(INVOICE_CSV_HEADER);
    try {
      for (;;) {
        for (const invoice of page.data) res.write(invoiceCsvRow(invoice));
        if (!page.nextCursor) break;
        page = await this.rpc.call(ListProjectInvoicesRpc, {
          actor,
          ...filters,
          limit: MAX_PAGE_SIZE,
          cursor: page.nextCursor,
        });
      }
    } catch (err) {
      failCsvStream(res, err, this.logger);
      return;
    }
    res.end();
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectInvoiceDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  async get(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Invoice')) id: string,
  ): Promise<ProjectInvoiceDto> {
    const invoice = await this.rpc.call(GetProjectInvoiceRpc, { actor, invoiceId: id });
    return (await this.credit.withCredit(actor, [invoice]))[0];
  }

  /** Pays the whole amount due (no amount) or part of it from an attached cost code's available credit. */
  @RateLimit('write')
  @Post(':id/apply-credit')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: ProjectInvoiceDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENCY_REQUIRED,
    'not_found',
    'invoice_not_payable',
    'cost_code_not_attached',
    'amount_exceeds_due',
    'insufficient_available_credit',
    'currency_mismatch',
    ...VIA_SERVICE,
  )
  async applyCredit(
    @CurrentBrand() actor: BrandActor,
    @IdempotencyKey() idempotencyKey: string,
    @Param('id', UuidParam('Invoice')) id: string,
    @Body() body: ApplyCreditDto,
  ): Promise<ProjectInvoiceDto> {
    const invoice = await this.rpc.call(ApplyCreditRpc, {
      actor,
      idempotencyKey,
      invoiceId: id,
      ...body,
    });
    return (await this.credit.withCredit(actor, [invoice]))[0];
  }

  /** Lets another of the brand's cost codes pay this invoice (the offer's is attached already). */
  @Post(':id/cost-codes')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectInvoiceDto })
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    'not_found',
    'invoice_not_payable',
    'currency_mismatch',
    ...VIA_SERVICE,
  )
  async attach(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Invoice')) id: string,
    @Body() body: AttachCostCodeDto,
  ): Promise<ProjectInvoiceDto> {
    const invoice = await this.rpc.call(AttachCostCodeRpc, { actor, invoiceId: id, ...body });
    return (await this.credit.withCredit(actor, [invoice]))[0];
  }
}
