import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CONFIG } from '@glimmer/config/config';
import { ConfirmFundsRpc } from '@glimmer/contracts/credit/deposit.messages';
import { LedgerVerification, VerifyLedgerRpc } from '@glimmer/contracts/credit/ledger.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { Roles } from '../auth/auth.decorators';
import { DepositDto } from '../credit/dto/deposit.dto';
import type { GatewayConfig } from '../gateway.config';
import { SIGNED_IN, SIGNED_IN_CHANGE, VIA_SERVICE } from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { LedgerVerificationDto } from './dto/ledger-verification.dto';

@ApiTags('Operations')
@Roles('ops')
@Controller('v1/ops')
export class OpsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Ops confirm a credit invoice's funds arrived (e.g. a bank transfer seen by hand). */
  @Post('credit-invoices/:id/mark-paid')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: DepositDto,
    description: 'The deposit behind the invoice, funds confirmed',
  })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'deposit_voided', ...VIA_SERVICE)
  markPaid(@Param('id', UuidParam('Credit invoice')) id: string): Promise<DepositDto> {
    return this.rpc.call(ConfirmFundsRpc, { creditInvoiceId: id, source: 'ops' });
  }

  /** Proves the ledger over the whole database: balanced transactions, balances equal to entries. */
  @Get('ledger/verify')
  @ApiOkResponse({ type: LedgerVerificationDto })
  @ApiErrors(...SIGNED_IN, ...VIA_SERVICE)
  verifyLedger(): Promise<LedgerVerification> {
    return this.rpc.call(VerifyLedgerRpc, {}, { timeoutMs: this.config.LEDGER_VERIFY_TIMEOUT_MS });
  }
}
